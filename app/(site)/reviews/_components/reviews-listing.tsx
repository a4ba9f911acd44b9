import { notFound } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { Pagination } from '@/components/layout/pagination'
import { ReviewGrid } from '@/components/review/review-card'
import { trail } from '@/lib/seo/breadcrumbs'
import { getPublishedReviews } from '@/lib/content'
import { paginate, reviewsPageHref } from '@/lib/content/paginate'
import { site } from '@/lib/site'

export function ReviewsListing({ page }: { page: number }) {
  const paged = paginate(getPublishedReviews(), page, site.reviewsPerPage)
  if (!paged) notFound()
  const crumbs = trail({ name: 'Reviews', href: '/reviews' })
  if (page > 1) crumbs.push({ name: `Page ${page}`, href: reviewsPageHref(page) })
  return (
    <>
      <PageHeader title={page > 1 ? `Reviews, page ${page}` : 'Reviews'} crumbs={crumbs}>
        Every film we have reviewed, newest first.
      </PageHeader>
      <ReviewGrid reviews={paged.items} headingLevel="h2" />
      <Pagination page={paged.page} pages={paged.pages} href={reviewsPageHref} />
    </>
  )
}
