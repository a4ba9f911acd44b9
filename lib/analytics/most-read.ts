import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { getReview, type Review } from '@/lib/content'
import { env } from '@/lib/env'
import { services } from '@/lib/services'
import { mostRead } from './report'

/**
 * How long one answer stands (ANALYTICS_MOST_READ_SECONDS, five minutes): pages regenerate every
 * 30 s, the list at most this often.
 */
const mostReadTtlMs = () => env.ANALYTICS_MOST_READ_SECONDS * 1000

const memo = globalThis as { __intertitleMostRead?: { at: number; slugs: Promise<string[]> } }

/** The slugs most read in the last 7 days, asked of the database at most every few minutes. */
function mostReadSlugs(now: Date): Promise<string[]> {
  // The build prerenders pages without the site's database (it may be another machine's, or
  // PGlite held by a running server): the list appears when a page is first regenerated.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return Promise.resolve([])
  const held = memo.__intertitleMostRead
  if (held && now.getTime() - held.at < mostReadTtlMs()) return held.slugs
  const slugs = services()
    .database()
    .then((db) => mostRead(db, now, 7, 12))
    .catch((error: unknown) => {
      console.error('analytics: could not read the most-read list', error)
      return []
    })
  memo.__intertitleMostRead = { at: now.getTime(), slugs }
  return slugs
}

/**
 * Published reviews among `slugs`, in order, at most `limit`: a piece made a draft again, or
 * never public, is never listed (the publication rule, asked now).
 */
export function publishedAmong(slugs: readonly string[], limit: number, now: Date): Review[] {
  return slugs.flatMap((slug) => getReview(slug, { now }) ?? []).slice(0, limit)
}

/** "Most read this week": up to `limit` published reviews, most views first. */
export async function mostReadThisWeek(limit = 5, now = new Date()): Promise<Review[]> {
  return publishedAmong(await mostReadSlugs(now), limit, now)
}
