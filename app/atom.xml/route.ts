import { getPublishedReviews } from '@/lib/content'
import { feedResponse } from '@/lib/feed'
import { siteFeed } from '@/lib/feed-links'

export const revalidate = 30

export function GET() {
  return feedResponse('atom', getPublishedReviews(), siteFeed)
}
