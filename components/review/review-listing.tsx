import type { ReactNode } from 'react'
import { PageNotFound } from '@/components/layout/page-not-found'
import { PageHeader } from '@/components/layout/page-header'
import { Pagination } from '@/components/layout/pagination'
import { ReviewGrid } from '@/components/review/review-card'
import type { Review } from '@/lib/content'
import { paginate, pagedHref } from '@/lib/content/paginate'
import type { Crumb } from '@/lib/seo/breadcrumbs'
import { site } from '@/lib/site'

type Props = {
  reviews: Review[]
  /** 1-based; a page past the last (or NaN) is a 404. */
  page: number
  /** The listing's own URL: its page 1. */
  base: string
  title: string
  crumbs: Crumb[]
  /** Under the title on the first page. */
  intro?: ReactNode
  /** Structured data of the first page. */
  nodes?: Record<string, unknown>[]
  /** Between the header and the reviews (a heading of their own). */
  children?: ReactNode
  headingLevel?: 'h2' | 'h3'
}

/** Page `page` of a listing, `site.reviewsPerPage` to a page; undefined if it has no such page. */
export const listingPage = <T,>(items: T[], page: number) =>
  paginate(items, page, site.reviewsPerPage)

/**
 * A listing of reviews, newest first, a page at a time (`site.reviewsPerPage`): the reviews
 * page, each genre, each critic. However large the archive, a page stays the same size.
 */
export function ReviewListing({
  reviews,
  page,
  base,
  title,
  crumbs,
  intro,
  nodes,
  children,
  headingLevel,
}: Props) {
  const paged = listingPage(reviews, page)
  if (!paged) return <PageNotFound />
  const href = pagedHref(base)
  const later = page > 1
  return (
    <>
      <PageHeader
        title={later ? `${title}, page ${page}` : title}
        crumbs={later ? [...crumbs, { name: `Page ${page}`, href: href(page) }] : crumbs}
        nodes={later ? undefined : nodes}
      >
        {later ? undefined : intro}
      </PageHeader>
      {children}
      <ReviewGrid reviews={paged.items} headingLevel={headingLevel} lead={!children} />
      <Pagination page={paged.page} pages={paged.pages} href={href} />
    </>
  )
}
