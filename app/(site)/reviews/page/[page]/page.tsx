import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'
import { getPublishedReviews } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'
import { pageCount, reviewsPageHref } from '@/lib/content/paginate'
import { site } from '@/lib/site'
import { ReviewsListing } from '../../_components/reviews-listing'

export const revalidate = 30

export function generateStaticParams() {
  const pages = pageCount(getPublishedReviews().length, site.reviewsPerPage)
  return Array.from({ length: pages - 1 }, (_, i) => ({ page: String(i + 2) }))
}

export async function generateMetadata({
  params,
}: PageProps<'/reviews/page/[page]'>): Promise<Metadata> {
  const page = Number((await params).page)
  return pageMetadata({
    title: `Reviews, page ${page}`,
    description: `Reviews, page ${page}, newest first.`,
    path: reviewsPageHref(page),
  })
}

export default async function ReviewsPageN({ params }: PageProps<'/reviews/page/[page]'>) {
  const raw = (await params).page
  if (raw === '1') permanentRedirect('/reviews')
  // Only the canonical spelling is a page: /reviews/page/0002 or /reviews/page/+2 is a 404, which
  // the page cache does not keep, not a second copy of page 2.
  return <ReviewsListing page={/^[1-9]\d*$/.test(raw) ? Number(raw) : NaN} />
}
