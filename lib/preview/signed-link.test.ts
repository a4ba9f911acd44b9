import { describe, expect, it } from 'vitest'
import { checkPreview, previewPath, previewToken } from '@/lib/preview/signed-link'

const secret = 'a-test-secret-of-enough-length'
const now = Date.UTC(2025, 5, 1)
const params = (path: string) => new URL(path, 'http://x').searchParams

describe('signed preview links', () => {
  const link = previewPath(previewToken('a-draft', secret, 1, now))

  it('opens the review it was signed for', () => {
    expect(checkPreview(params(link), secret, now)).toEqual({ ok: true, slug: 'a-draft' })
  })
  it('refuses a link for another slug', () => {
    expect(checkPreview(params(link.replace('a-draft', 'another')), secret, now)).toMatchObject({
      ok: false,
      status: 403,
      reason: 'invalid',
    })
  })
  it('refuses a stretched expiry', () => {
    const p = params(link)
    p.set('exp', String(Number(p.get('exp')) + 3600))
    expect(checkPreview(p, secret, now)).toMatchObject({ ok: false, reason: 'invalid' })
  })
  it('refuses an expired link', () => {
    expect(checkPreview(params(link), secret, now + 3600 * 1000)).toMatchObject({
      ok: false,
      status: 403,
      reason: 'expired',
    })
  })
  it('refuses an unsigned link with 401', () => {
    expect(checkPreview(params('/api/preview?slug=a-draft'), secret, now)).toMatchObject({
      ok: false,
      status: 401,
      reason: 'unsigned',
    })
  })
  it('refuses a link signed with another secret', () => {
    expect(checkPreview(params(link), `${secret}-rotated`, now)).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
  })
  it('is off without a secret', () => {
    expect(checkPreview(params(link), undefined, now)).toMatchObject({ ok: false, reason: 'off' })
  })
})
