import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { consentText, messages } from './form'
import { openPglite } from '@/lib/db/pglite'
import { createRateLimiter } from '@/lib/security/rate-limit'
import type { SignupForm } from './signup-form'
import type { Database } from '@/lib/db/database'
import { createStore, type Subscriber, type SubscriberStore } from './store'
import { signUp, type SignupDeps } from './subscribe'

// The real store on PGlite in memory: one instance for the file (each costs seconds of
// WebAssembly initdb), emptied before every test.
let db: Database
let store: SubscriberStore
beforeAll(async () => {
  db = await openPglite()
}, 60_000)
afterAll(() => db.close())
beforeEach(async () => {
  await db.exec('drop schema public cascade; create schema public')
  store = await createStore(db)
})

const form = (overrides: Partial<SignupForm> = {}): SignupForm => ({
  email: 'reader@example.com',
  consent: true,
  honeypot: '',
  sourcePath: '/reviews/ballerina-2025',
  sourceReview: 'ballerina-2025',
  utm: { source: 'newsletter', campaign: 'spring' },
  ...overrides,
})

const consentedAt = new Date('2025-06-05T08:30:00.000Z')

/** The real store and limiter; the limiter's clock, the signup time and the error log are the test's. */
function deps({
  limit = 5,
  windowMs = 60_000,
  storeOf = async () => store,
}: { limit?: number; windowMs?: number; storeOf?: SignupDeps['store'] } = {}) {
  const logged: unknown[] = []
  const woken: string[] = []
  let t = 0
  const value: SignupDeps = {
    store: storeOf,
    emailOwed: () => void woken.push('owed'),
    limiter: createRateLimiter({ limit, windowMs, now: () => t }),
    now: () => consentedAt,
    log: (_message, error) => logged.push(error),
  }
  return { deps: value, logged, woken, advance: (ms: number) => void (t += ms) }
}

async function stored(): Promise<Subscriber[]> {
  const rows: Subscriber[] = []
  for await (const row of store.list()) rows.push(row)
  return rows
}

describe('signUp', () => {
  it('stores a new subscriber with the consent wording, time, page and campaign, and thanks them', async () => {
    const state = await signUp(
      { form: form({ email: ' Ann@Example.COM ' }), client: '203.0.113.7' },
      deps().deps,
    )
    expect(state).toEqual({ status: 'thanks' })
    expect(await stored()).toEqual([
      expect.objectContaining({
        email: 'Ann@example.com',
        consentedAt: consentedAt.toISOString(),
        consentText,
        sourcePath: '/reviews/ballerina-2025',
        sourceReview: 'ballerina-2025',
        sourceIssue: null,
        utmSource: 'newsletter',
        utmCampaign: 'spring',
        utmMedium: null,
      }),
    ])
  })

  it('owes the new address one confirmation email, recorded with the signup; a repeat owes none', async () => {
    const { deps: d, woken } = deps()
    await signUp({ form: form({ email: 'ann@example.com' }), client: 'a' }, d)
    await signUp({ form: form({ email: 'ANN@example.com' }), client: 'b' }, d)
    const owed = await db.query<{ kind: string; recipient: string; cause: string; token: string }>(
      `select kind, recipient, cause, payload->>'confirmToken' as token from owed_emails`,
    )
    const [subscriber] = await stored()
    expect(owed).toEqual([
      {
        kind: 'confirmation',
        recipient: 'ann@example.com',
        cause: `signup of subscriber ${subscriber!.id}`,
        token: expect.stringMatching(/^[\w-]{32}$/),
      },
    ])
    // Its token confirms the address: the email the worker will send holds a working link.
    expect(await store.confirm(owed[0]!.token, consentedAt)).toBe('confirmed')
    expect(woken).toEqual(['owed'])
    // Had the mail server refused it for good, the address would be bounced, whatever its case.
    await store.markAddressBounced('ANN@Example.com')
    expect((await stored())[0]).toMatchObject({ status: 'bounced' })
  })

  it('thanks a bot that filled the honeypot and stores nothing, however bad the rest', async () => {
    const { deps: d } = deps()
    expect(
      await signUp({ form: form({ honeypot: 'https://spam.example' }), client: 'a' }, d),
    ).toEqual({ status: 'thanks' })
    expect(
      await signUp(
        { form: form({ honeypot: 'x', email: 'not-an-email', consent: false }), client: 'a' },
        d,
      ),
    ).toEqual({ status: 'thanks' })
    expect(await store.count()).toBe(0)
  })

  it('answers an address already on the list exactly as a new one, and keeps the first consent', async () => {
    const { deps: d } = deps()
    const first = await signUp({ form: form({ email: 'ann@example.com' }), client: 'a' }, d)
    const again = await signUp(
      { form: form({ email: 'ANN@example.com', utm: { campaign: 'autumn' } }), client: 'b' },
      d,
    )
    expect(again).toEqual(first)
    expect(await store.count()).toBe(1)
    expect((await stored())[0]).toMatchObject({ email: 'ann@example.com', utmCampaign: 'spring' })
  })

  it('returns field errors with what was typed, and stores nothing', async () => {
    const state = await signUp(
      { form: form({ email: 'ann@', consent: false }), client: 'a' },
      deps().deps,
    )
    expect(state).toEqual({
      status: 'invalid',
      errors: { email: messages.emailInvalid, consent: messages.consentMissing },
      values: { email: 'ann@', consent: false },
    })
    expect(await store.count()).toBe(0)
  })

  it('says "busy" once a client has used up the limit, until the bucket refills', async () => {
    const { deps: d, advance } = deps({ limit: 2, windowMs: 60_000 })
    const from = (client: string, email: string) => signUp({ form: form({ email }), client }, d)

    expect(await from('a', 'one@example.com')).toEqual({ status: 'thanks' })
    expect(await from('a', 'two@example.com')).toEqual({ status: 'thanks' })
    expect(await from('a', 'three@example.com')).toEqual({
      status: 'busy',
      message: messages.busy('in a minute'),
      values: { email: 'three@example.com', consent: true },
    })
    expect(await from('b', 'four@example.com')).toEqual({ status: 'thanks' })
    expect((await stored()).map((row) => row.email)).toEqual([
      'one@example.com',
      'two@example.com',
      'four@example.com',
    ])

    advance(30_000)
    expect(await from('a', 'three@example.com')).toEqual({ status: 'thanks' })
  })

  it('says how many minutes to wait when it is more than one', async () => {
    const slow = deps({ limit: 1, windowMs: 10 * 60_000 }).deps
    await signUp({ form: form(), client: 'a' }, slow)
    expect(await signUp({ form: form(), client: 'a' }, slow)).toMatchObject({
      status: 'busy',
      message: messages.busy('in 10 minutes'),
    })
  })

  it('says "failed", keeping what was typed, when the database cannot be reached', async () => {
    const down = new Error('connect ECONNREFUSED 127.0.0.1:5432')
    const { deps: d, logged } = deps({ storeOf: () => Promise.reject(down) })
    const state = await signUp({ form: form({ email: ' Ann@Example.COM ' }), client: 'a' }, d)
    expect(state).toEqual({
      status: 'failed',
      values: { email: ' Ann@Example.COM ', consent: true },
    })
    expect(logged).toEqual([down])
  })

  it('says "failed" when the store itself refuses the row', async () => {
    // A real failure from the real store: its table is gone.
    await db.exec('drop table subscribers cascade')
    const { deps: d, logged } = deps()
    const state = await signUp({ form: form(), client: 'a' }, d)
    expect(state).toEqual({
      status: 'failed',
      values: { email: 'reader@example.com', consent: true },
    })
    expect(String(logged[0])).toMatch(/subscribers/)
  })
})
