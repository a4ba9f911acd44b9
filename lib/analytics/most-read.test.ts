import { describe, expect, it } from 'vitest'
import { getPublishedReviews, getUnpublishedReviews } from '@/lib/content'
import { publishedAmong } from './most-read'

describe('most read this week', () => {
  it('lists only published reviews, in the order of their views, at most the limit', () => {
    const now = new Date()
    const [first, second, third] = getPublishedReviews(now)
    const drafts = getUnpublishedReviews(now)
    expect(drafts.length).toBeGreaterThan(0)
    const slugs = [first!.slug, drafts[0]!.slug, 'no-such-review', second!.slug, third!.slug]
    expect(publishedAmong(slugs, 2, now).map((r) => r.slug)).toEqual([first!.slug, second!.slug])
    expect(
      publishedAmong(
        drafts.map((d) => d.slug),
        5,
        now,
      ),
    ).toEqual([])
  })
})
