import { getPublishedReviews } from '@/lib/content'
import { feedResponse } from '@/lib/feeds/feed'
import { siteFeed } from '@/lib/feeds/links'

export const revalidate = 30

export function GET() {
  return feedResponse('atom', getPublishedReviews(), siteFeed)
}
