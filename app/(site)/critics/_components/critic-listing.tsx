import type { Metadata } from 'next'
import { PageNotFound } from '@/components/layout/page-not-found'
import { listingPage, ReviewListing } from '@/components/review/review-listing'
import { getCritic, getReviewsWhere, type Critic, type Review } from '@/lib/content'
import { pagedHref } from '@/lib/content/paginate'
import { trail } from '@/lib/seo/breadcrumbs'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'
import { criticNode } from '@/lib/seo/structured-data'

const criticReviews = (critic: Critic): Review[] => getReviewsWhere((r) => r.critic === critic.slug)

export function criticMetadata(slug: string, page: number): Metadata {
  const critic = getCritic(slug)
  if (!critic || !listingPage(criticReviews(critic), page)) return notFoundMetadata
  return pageMetadata({
    title: page > 1 ? `${critic.name}, page ${page}` : critic.name,
    description: critic.bio,
    path: pagedHref(critic.url)(page),
    feeds: [{ title: `Reviews by ${critic.name}`, basePath: critic.url }],
  })
}

/** A critic's page: who they are, then their reviews, newest first, a page at a time. */
export function CriticListing({ slug, page }: { slug: string; page: number }) {
  const critic = getCritic(slug)
  if (!critic) return <PageNotFound />
  return (
    <ReviewListing
      reviews={criticReviews(critic)}
      page={page}
      base={critic.url}
      title={critic.name}
      crumbs={trail({ name: 'Critics', href: '/critics' }, { name: critic.name, href: critic.url })}
      intro={critic.bio}
      nodes={[{ '@type': 'ProfilePage', mainEntity: criticNode(critic) }]}
    >
      <h2 className="mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase">
        Reviews by {critic.name}
      </h2>
    </ReviewListing>
  )
}
