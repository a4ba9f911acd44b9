import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startPostgres, type TestPostgres } from '@/scripts/testing/postgres'
import { createPostgresRateLimiter, createRateLimiter } from './rate-limit'

/** A limiter on a clock the test moves by hand. */
function clocked(options: { limit: number; windowMs: number; maxKeys?: number }) {
  let t = 1_000_000
  return {
    limiter: createRateLimiter({ ...options, now: () => t }),
    advance: (ms: number) => (t += ms),
  }
}

/** The site's default: 5 a minute. */
const limiter5 = () => clocked({ limit: 5, windowMs: 60_000 })

const takeTimes = (take: () => { ok: boolean }, n: number) =>
  Array.from({ length: n }, () => take().ok)

describe('createRateLimiter', () => {
  it('allows `limit` at once, then says how long until the next', () => {
    const { limiter } = limiter5()
    expect(takeTimes(() => limiter.take('a'), 5)).toEqual([true, true, true, true, true])
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 12_000 })
  })

  it('refills evenly across the window: one more every twelve seconds at 5 a minute', () => {
    const { limiter, advance } = limiter5()
    takeTimes(() => limiter.take('a'), 5)
    advance(11_999)
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 1 })
    advance(1)
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.take('a').ok).toBe(false)
  })

  it('never holds more than `limit`, however long a key has been quiet', () => {
    const { limiter, advance } = limiter5()
    limiter.take('a')
    advance(60 * 60_000)
    expect(takeTimes(() => limiter.take('a'), 6)).toEqual([true, true, true, true, true, false])
  })

  it('counts each key on its own', () => {
    const { limiter } = limiter5()
    takeTimes(() => limiter.take('a'), 5)
    expect(limiter.take('a').ok).toBe(false)
    expect(limiter.take('b').ok).toBe(true)
  })

  it('stays within maxKeys under a flood of new keys, forgetting full buckets first', () => {
    const { limiter, advance } = clocked({ limit: 2, windowMs: 1_000, maxKeys: 100 })
    limiter.take('busy')
    limiter.take('busy')
    for (let i = 0; i < 1_000; i++) {
      limiter.take(`flood-${i}`)
      expect(limiter.size).toBeLessThanOrEqual(100)
    }
    // Once a second has passed every bucket is full again: all of them are forgotten at once.
    advance(1_000)
    limiter.take('late')
    expect(limiter.size).toBe(1)
  })

  it('drops the oldest live bucket, not a newer one, when all are still counting', () => {
    const { limiter } = clocked({ limit: 1, windowMs: 60_000, maxKeys: 3 })
    for (const key of ['first', 'second', 'third', 'fourth']) limiter.take(key)
    expect(limiter.take('first').ok).toBe(true)
    expect(limiter.take('fourth').ok).toBe(false)
  })
})

// A quiet machine runs these in ~4 s; beside the rest of the suite, under load, many times that.
describe('a limit shared through PostgreSQL', { timeout: 60_000 }, () => {
  let postgres: TestPostgres
  beforeAll(async () => {
    postgres = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await postgres?.stop()
  })

  it('two instances on one database share one count per client', async () => {
    const options = { name: 'signup', limit: 3, windowMs: 60_000, databaseUrl: postgres.url }
    const one = createPostgresRateLimiter(options)
    const two = createPostgresRateLimiter(options)
    try {
      const answers = []
      for (const limiter of [one, two, one, two, one]) answers.push(await limiter.take('10.0.0.1'))
      expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false])
      const refused = answers[3]
      expect(refused?.ok === false && refused.retryAfterMs).toBeGreaterThan(0)
      // Another client has a count of its own.
      expect((await two.take('10.0.0.2')).ok).toBe(true)
    } finally {
      await Promise.all([one.close(), two.close()])
    }
  })

  it('instances starting together on a new database all count in it, whichever makes the table', async () => {
    // Each round drops the table, then starts six instances at once: they race to make it, and
    // PostgreSQL fails the losers in more than one way. Every one must still count in the table.
    const admin = new pg.Client({ connectionString: postgres.url })
    await admin.connect()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      for (let round = 0; round < 20; round++) {
        await admin.query('DROP TABLE IF EXISTS rate_limits')
        const options = { name: 'race', limit: 3, windowMs: 60_000, databaseUrl: postgres.url }
        const limiters = Array.from({ length: 6 }, () => createPostgresRateLimiter(options))
        try {
          const answers = await Promise.all(limiters.map((limiter) => limiter.take('10.0.0.9')))
          expect(answers.filter((a) => a.ok)).toHaveLength(3)
        } finally {
          await Promise.all(limiters.map((limiter) => limiter.close()))
        }
      }
      expect(errors).not.toHaveBeenCalled()
    } finally {
      errors.mockRestore()
      await admin.end()
    }
  })
})
