import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '@/lib/db'
import type { Day } from './days'

/**
 * Unique visitors without identifying anyone (Plausible's published method): a visitor is a hash
 * of a secret salt, the client's address, its user agent and the site. The salt is made for one
 * day and deleted when the next day's is made, so the same reader has another hash tomorrow and
 * nobody, the database's owner included, can link the two or get back to an address.
 */
export type Salts = { saltFor(day: Day): Promise<string> }

/**
 * The day's salt, shared through the database by every instance of the site: the first to ask
 * makes it; asking deletes every older salt. Held in memory for the day it belongs to.
 */
export function createSalts(db: Queryable): Salts {
  let held: { day: Day; salt: Promise<string> } | undefined
  const load = async (day: Day) => {
    await db.query(
      'insert into analytics_salts (day, salt) values ($1, $2) on conflict do nothing',
      [day, randomBytes(32).toString('base64')],
    )
    await db.query('delete from analytics_salts where day < $1', [day])
    const [row] = await db.query<{ salt: string }>(
      'select salt from analytics_salts where day = $1',
      [day],
    )
    if (!row) throw new Error(`analytics: no salt for ${day}`)
    return row.salt
  }
  return {
    saltFor(day) {
      if (held?.day !== day) {
        const salt = load(day)
        held = { day, salt }
        salt.catch(() => {
          if (held?.salt === salt) held = undefined
        })
      }
      return held.salt
    },
  }
}

/** The visitor's hash for one day: 128 bits of SHA-256, in base64url. */
export function visitorHash(salt: string, address: string, userAgent: string, site: string) {
  return createHash('sha256')
    .update([salt, address, userAgent, site].join('\u0000'))
    .digest()
    .subarray(0, 16)
    .toString('base64url')
}

/**
 * At most `limit` page views per visitor hash per minute, counted in this process's memory (one
 * client cannot inflate a count; several instances each allow the limit, see docs/analytics.md).
 */
export function createViewLimiter(limit: number, now: () => number = Date.now) {
  let minute = -1
  let counts = new Map<string, number>()
  return {
    take(visitor: string): boolean {
      const current = Math.floor(now() / 60_000)
      if (current !== minute) {
        minute = current
        counts = new Map()
      }
      const used = counts.get(visitor) ?? 0
      if (used >= limit) return false
      counts.set(visitor, used + 1)
      return true
    },
  }
}
