import { ReviewListing } from '@/components/review/review-listing'
import { getPublishedReviews } from '@/lib/content'
import { trail } from '@/lib/seo/breadcrumbs'

export function ReviewsListing({ page }: { page: number }) {
  return (
    <ReviewListing
      reviews={getPublishedReviews()}
      page={page}
      base="/reviews"
      title="Reviews"
      crumbs={trail({ name: 'Reviews', href: '/reviews' })}
      intro="Every film we have reviewed, newest first."
      headingLevel="h2"
    />
  )
}
