import { pageMetadata } from '@/lib/seo/metadata'
import { ReviewsListing } from './_components/reviews-listing'

export const revalidate = 30

export const metadata = pageMetadata({
  title: 'Reviews',
  description: 'Every film Intertitle has reviewed, newest first.',
  path: '/reviews',
})

export default function ReviewsPage() {
  return <ReviewsListing page={1} />
}
