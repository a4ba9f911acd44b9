import type { Metadata } from 'next'
import { listingPage } from '@/components/review/review-listing'
import { getPublishedReviews } from '@/lib/content'
import { prerenderedReviews } from '@/lib/content/prerender'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'
import { laterPages, pageParam, reviewsPageHref } from '@/lib/content/paginate'
import { site } from '@/lib/site'
import { ReviewsListing } from '../../_components/reviews-listing'

export const revalidate = 30

export function generateStaticParams() {
  return laterPages(prerenderedReviews().length, site.reviewsPerPage).map((page) => ({ page }))
}

export async function generateMetadata({
  params,
}: PageProps<'/reviews/page/[page]'>): Promise<Metadata> {
  const page = pageParam((await params).page)
  if (!listingPage(getPublishedReviews(), page)) return notFoundMetadata
  return pageMetadata({
    title: `Reviews, page ${page}`,
    description: `Reviews, page ${page}, newest first.`,
    path: reviewsPageHref(page),
  })
}

export default async function ReviewsPageN({ params }: PageProps<'/reviews/page/[page]'>) {
  const raw = (await params).page
  return <ReviewsListing page={pageParam(raw)} />
}
