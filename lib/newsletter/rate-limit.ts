/**
 * A token bucket per key: `limit` signups at once, refilled evenly over `windowMs`
 * (5 a minute: five straight away, then one every twelve seconds). Kept in this
 * process's memory, so each server instance counts on its own.
 */
export type RateLimiter = {
  /** Takes one token for `key`; when none is left, says how long until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number }
  readonly size: number
}

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
}): RateLimiter {
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
