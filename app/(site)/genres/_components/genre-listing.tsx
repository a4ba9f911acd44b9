import type { Metadata } from 'next'
import { PageNotFound } from '@/components/layout/page-not-found'
import { listingPage, ReviewListing } from '@/components/review/review-listing'
import { getReviewsWhere, type Review } from '@/lib/content'
import { pagedHref } from '@/lib/content/paginate'
import { genreLabel } from '@/lib/format'
import { trail } from '@/lib/seo/breadcrumbs'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

const genreReviews = (slug: string): Review[] => getReviewsWhere((r) => r.genres.includes(slug))

export function genreMetadata(slug: string, page: number): Metadata {
  const reviews = genreReviews(slug)
  if (reviews.length === 0 || !listingPage(reviews, page)) return notFoundMetadata
  const label = genreLabel(slug)
  return pageMetadata({
    title: page > 1 ? `${label} reviews, page ${page}` : `${label} reviews`,
    description: `Intertitle's reviews of ${label.toLowerCase()} films.`,
    path: pagedHref(`/genres/${slug}`)(page),
  })
}

/** One genre's reviews, newest first, a page at a time. */
export function GenreListing({ slug, page }: { slug: string; page: number }) {
  const reviews = genreReviews(slug)
  if (reviews.length === 0) return <PageNotFound />
  const label = genreLabel(slug)
  return (
    <ReviewListing
      reviews={reviews}
      page={page}
      base={`/genres/${slug}`}
      title={label}
      crumbs={trail(
        { name: 'Reviews', href: '/reviews' },
        { name: label, href: `/genres/${slug}` },
      )}
      intro={`Our reviews of ${label.toLowerCase()} films, newest first.`}
      headingLevel="h2"
    />
  )
}
