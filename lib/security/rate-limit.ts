import pg from 'pg'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

export type Allowance = { ok: true } | { ok: false; retryAfterMs: number }

/** Counts what each key (a client address) may do: signups, sign-in links. */
export type RateLimiter = {
  /** Takes one for `key`; when none is left, says how long until one is. */
  take(key: string): Allowance | Promise<Allowance>
}

/**
 * The limiter a server uses: counted in PostgreSQL when the site has one, so that every instance
 * shares one count (rate-limiter-flexible, a fixed window of `limit` per `windowMs`); otherwise in
 * this process's memory (the embedded default runs one process).
 */
export function siteRateLimiter(options: {
  name: string
  limit: number
  windowMs: number
  databaseUrl?: string
}): RateLimiter & { close(): Promise<void> } {
  return options.databaseUrl
    ? createPostgresRateLimiter({ ...options, databaseUrl: options.databaseUrl })
    : { ...createRateLimiter(options), close: async () => {} }
}

/**
 * The count in PostgreSQL, in a table of its own (`rate_limits`, made on first use by the
 * library). If the database does not answer, each instance falls back to counting in memory rather
 * than refusing every reader or letting everyone through.
 */
export function createPostgresRateLimiter({
  name,
  limit,
  windowMs,
  databaseUrl,
}: {
  name: string
  limit: number
  windowMs: number
  databaseUrl: string
}): RateLimiter & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 30_000 })
  pool.on('error', (error) => console.error('rate limit: idle PostgreSQL connection failed', error))
  const duration = Math.max(1, Math.round(windowMs / 1000))
  const options = {
    storeClient: pool,
    tableName: 'rate_limits',
    keyPrefix: name,
    points: limit,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: limit, duration }),
  }
  // The library makes its table when constructed; counting waits for it (or for its failure).
  // Instances starting together on a new database race to make it, and PostgreSQL can fail a
  // loser's CREATE TABLE IF NOT EXISTS on the table or on its row type (42P07, 42710 or 23505,
  // depending on where the winner was). Once the winner has committed, the same statement
  // succeeds, so a failure is tried once more before this instance counts in its own memory.
  const make = () =>
    new Promise<{ limiter: RateLimiterPostgres; error?: unknown }>((resolve) => {
      const made: RateLimiterPostgres = new RateLimiterPostgres(options, (error?: unknown) =>
        resolve({ limiter: made, error }),
      )
    })
  const ready = make()
    .then((first) => (first.error ? make() : first))
    .then(({ limiter, error }) => {
      if (error) console.error('rate limit: could not create its table', error)
      return limiter
    })
  return {
    async take(key) {
      const limiter = await ready
      try {
        await limiter.consume(key)
        return { ok: true }
      } catch (refused) {
        if (refused instanceof RateLimiterRes)
          return { ok: false, retryAfterMs: refused.msBeforeNext }
        throw refused
      }
    },
    close: () => pool.end(),
  }
}

/**
 * A token bucket per key in this process's memory: `limit` at once, refilled evenly over
 * `windowMs` (5 a minute: five straight away, then one every twelve seconds).
 */

type Bucket = { tokens: number; at: number }

export function createRateLimiter({
  limit,
  windowMs,
  now = Date.now,
  maxKeys = 50_000,
}: {
  limit: number
  windowMs: number
  now?: () => number
  maxKeys?: number
}): { take(key: string): Allowance; readonly size: number } {
  const buckets = new Map<string, Bucket>()
  const perMs = limit / windowMs

  const refill = (bucket: Bucket, t: number) =>
    Math.min(limit, bucket.tokens + (t - bucket.at) * perMs)

  /** Forgets full buckets (they behave exactly like new ones) so memory stays bounded. */
  function sweep(t: number) {
    for (const [key, bucket] of buckets) if (refill(bucket, t) >= limit) buckets.delete(key)
    // Still too many live keys (a flood of distinct addresses): drop the oldest.
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break
      buckets.delete(key)
    }
  }

  return {
    take(key) {
      const t = now()
      if (buckets.size >= maxKeys) sweep(t)
      const bucket = buckets.get(key)
      const tokens = bucket ? refill(bucket, t) : limit
      if (tokens < 1) return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) }
      // Re-inserted so that Map order stays oldest-first for the sweep.
      buckets.delete(key)
      buckets.set(key, { tokens: tokens - 1, at: t })
      return { ok: true }
    },
    get size() {
      return buckets.size
    },
  }
}
