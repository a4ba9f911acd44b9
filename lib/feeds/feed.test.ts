import { describe, expect, it } from 'vitest'
import { getPublishedReviews } from '@/lib/content'
import { buildFeed, FEED_ITEMS } from '@/lib/feeds/feed'
import { siteFeed } from '@/lib/feeds/links'

describe('feeds', () => {
  it('carry the newest reviews, newest first, up to the limit', () => {
    const [first] = getPublishedReviews()
    if (!first) throw new Error('no published review in content/')
    const archive = Array.from({ length: FEED_ITEMS + 10 }, (_, i) => ({
      ...first,
      url: `/reviews/copy-${i}`,
      headline: `Copy ${i}`,
    }))
    const items = JSON.parse(buildFeed(archive, siteFeed).json1()).items as { url: string }[]
    expect(items).toHaveLength(FEED_ITEMS)
    expect(items[0]?.url).toMatch(/\/reviews\/copy-0$/)
    expect(items.at(-1)?.url).toMatch(new RegExp(`/reviews/copy-${FEED_ITEMS - 1}$`))
  })

  it('carry every review of a small archive', () => {
    const reviews = getPublishedReviews()
    const items = JSON.parse(buildFeed(reviews, siteFeed).json1()).items as unknown[]
    expect(items).toHaveLength(Math.min(reviews.length, FEED_ITEMS))
  })
})
