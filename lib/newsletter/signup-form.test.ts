import { describe, expect, it } from 'vitest'
import { normaliseEmail } from './email'
import { fields, messages } from './form'
import { parseSignup, readSignupForm, type SignupForm } from './signup-form'

const form = (overrides: Partial<SignupForm> = {}): SignupForm => ({
  email: 'reader@example.com',
  consent: true,
  honeypot: '',
  utm: {},
  ...overrides,
})

function formData(entries: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) data.set(name, value)
  return data
}

describe('normaliseEmail', () => {
  it('trims the address and lower-cases the domain, keeping the local part as typed', () => {
    expect(normaliseEmail('  Ann.Lee@Example.COM \n')).toBe('Ann.Lee@example.com')
  })

  it('lower-cases only after the last @', () => {
    expect(normaliseEmail('"A@B"@Mail.Example.org')).toBe('"A@B"@mail.example.org')
  })

  it('composes Unicode, so one spelling is stored however it was typed', () => {
    expect(normaliseEmail('Rene\u0301@example.com')).toBe('Ren\u00e9@example.com')
  })
})

describe('parseSignup', () => {
  it('accepts a good signup, normalising the address', () => {
    const result = parseSignup(form({ email: '  Ann@Example.COM ' }))
    expect(result).toMatchObject({ ok: true, signup: { email: 'Ann@example.com', consent: true } })
  })

  it.each([
    'not-an-email',
    'ann@',
    '@example.com',
    'ann@example',
    'ann example@example.com',
    `${'a'.repeat(250)}@example.com`,
  ])('says "%s" is not a valid address', (email) => {
    expect(parseSignup(form({ email }))).toEqual({
      ok: false,
      errors: { email: messages.emailInvalid },
    })
  })

  it('asks for an address when there is none', () => {
    expect(parseSignup(form({ email: '   ' }))).toEqual({
      ok: false,
      errors: { email: messages.emailMissing },
    })
  })

  it('asks for consent when the box is not ticked', () => {
    expect(parseSignup(form({ consent: false }))).toEqual({
      ok: false,
      errors: { consent: messages.consentMissing },
    })
  })

  it('reports both problems at once, one message each', () => {
    expect(parseSignup(form({ email: 'nope', consent: false }))).toEqual({
      ok: false,
      errors: { email: messages.emailInvalid, consent: messages.consentMissing },
    })
  })

  it('keeps good campaign values, trimmed, and drops junk instead of refusing the signup', () => {
    const result = parseSignup(
      form({
        utm: {
          source: '  newsletter ',
          medium: 'email\u0007',
          campaign: 'x'.repeat(201),
          content: '   ',
          term: 'line\nbreak',
        },
      }),
    )
    expect(result.ok && result.signup.utm).toEqual({ source: 'newsletter' })
  })

  it('keeps a site path and slugs, and drops anything else', () => {
    const good = parseSignup(
      form({
        sourcePath: '/reviews/ballerina-2025',
        sourceReview: 'ballerina-2025',
        sourceIssue: 'issue-3',
      }),
    )
    expect(good).toMatchObject({
      ok: true,
      signup: {
        sourcePath: '/reviews/ballerina-2025',
        sourceReview: 'ballerina-2025',
        sourceIssue: 'issue-3',
      },
    })

    const bad = parseSignup(
      form({
        sourcePath: 'https://evil.example/',
        sourceReview: 'Not A Slug',
        sourceIssue: '../../etc',
      }),
    )
    expect(bad.ok).toBe(true)
    expect(
      bad.ok && [bad.signup.sourcePath, bad.signup.sourceReview, bad.signup.sourceIssue],
    ).toEqual([undefined, undefined, undefined])
  })
})

describe('readSignupForm', () => {
  it('reads the fields by their shared names', () => {
    const data = formData({
      [fields.email]: 'ann@example.com',
      [fields.consent]: 'on',
      [fields.honeypot]: 'http://spam.example',
      [fields.sourcePath]: '/reviews/x',
      [fields.sourceReview]: 'x',
      utm_source: 'newsletter',
      utm_medium: '',
    })
    expect(readSignupForm(data)).toEqual({
      email: 'ann@example.com',
      consent: true,
      honeypot: 'http://spam.example',
      sourcePath: '/reviews/x',
      sourceReview: 'x',
      sourceIssue: undefined,
      utm: { source: 'newsletter' },
    })
  })

  it('treats an unticked box and missing fields as empty, not as errors', () => {
    expect(readSignupForm(new FormData())).toMatchObject({
      email: '',
      consent: false,
      honeypot: '',
      utm: {},
    })
  })
})
