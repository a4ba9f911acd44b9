import type { Review } from '@/lib/content'
import { publishedOn } from '@/lib/content/publication.mjs'

/** When a review last changed, from its content, never from the clock. */
export function reviewModified(review: Review): string {
  return review.updated ?? publishedOn(review)
}

/** The newest change among reviews, for listings; undefined when there are none. */
export function latestModified(reviews: Review[]): string | undefined {
  return reviews.map(reviewModified).sort().at(-1)
}
