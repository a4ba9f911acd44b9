import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { Breadcrumb } from '@/components/layout/breadcrumb'
import { Byline } from '@/components/review/byline'
import { PageNotFound } from '@/components/layout/page-not-found'
import { Figure } from '@/components/media/figure'
import { FilmFacts } from '@/components/review/film-facts'
import { IssuePanel } from '@/components/issue/issue-panel'
import { NewsletterForm } from '@/components/newsletter/newsletter-form'
import { MdxContent } from '@/components/mdx/mdx-content'
import { ReleaseLine } from '@/components/review/release-line'
import { ReviewStateNotice } from '@/components/review/review-state-notice'
import { ReviewGrid } from '@/components/review/review-card'
import { MostRead } from '@/components/review/most-read'
import { mostReadThisWeek } from '@/lib/analytics/most-read'
import { trail } from '@/lib/seo/breadcrumbs'
import {
  criticOf,
  filmOf,
  getCurrentIssue,
  getRelatedReviews,
  getReview,
  reviewState,
} from '@/lib/content'
import { prerenderedReviews } from '@/lib/content/prerender'
import { genreLabel } from '@/lib/format'
import { clearPreviewPath, mayPreview, previewAccess } from '@/lib/preview/access'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'
import { reviewNode } from '@/lib/seo/structured-data'
import { GenreLinks } from './_components/genre-links'
import { ShareLinks } from './_components/share-links'

export const revalidate = 30

export function generateStaticParams() {
  return prerenderedReviews().map((r) => ({ slug: r.slug }))
}

async function findReview(params: PageProps<'/reviews/[slug]'>['params']) {
  const { slug } = await params
  const access = await previewAccess()
  // A share link that has expired or been revoked: its cookies are cleared, then readers' page.
  if (access.scope === 'stale') redirect(clearPreviewPath(`/reviews/${slug}`))
  return getReview(slug, { preview: mayPreview(access, slug) })
}

export async function generateMetadata({
  params,
}: PageProps<'/reviews/[slug]'>): Promise<Metadata> {
  const review = await findReview(params)
  if (!review) return notFoundMetadata
  return pageMetadata({
    noindex: reviewState(review) !== 'published',
    title: review.headline,
    description: review.standfirst,
    path: review.url,
    image: { route: true, alt: review.hero.alt },
    article: {
      publishedTime: review.date,
      modifiedTime: review.updated,
      authors: [criticOf(review.critic).name],
      section: 'Reviews',
      tags: review.genres.map(genreLabel),
    },
  })
}

export default async function ReviewPage({ params }: PageProps<'/reviews/[slug]'>) {
  const review = await findReview(params)
  if (!review) return <PageNotFound />
  const film = filmOf(review.film)
  const critic = criticOf(review.critic)
  const issue = getCurrentIssue()
  const related = getRelatedReviews(review)
  const mostRead = (await mostReadThisWeek(6)).filter((r) => r.slug !== review.slug).slice(0, 5)

  return (
    <>
      <article className="pt-4">
        <Breadcrumb
          items={trail(
            { name: 'Reviews', href: '/reviews' },
            { name: film.title, href: review.url },
          )}
          nodes={[reviewNode(review, film, critic)]}
        />
        <ReviewStateNotice review={review} state={reviewState(review)} />
        <header className="mx-auto mt-6 max-w-3xl text-center">
          {review.occasion ? (
            <p className="text-accent font-sans text-xs font-semibold tracking-[0.2em] uppercase">
              {review.occasion}
            </p>
          ) : null}
          <h1 className="mt-2 font-serif text-4xl leading-tight font-bold text-balance sm:text-5xl">
            {review.headline}
          </h1>
          <p className="text-muted mt-4 text-xl leading-relaxed text-pretty">{review.standfirst}</p>
          <div className="mt-4 flex justify-center">
            <Byline review={review} critic={critic} />
          </div>
        </header>
        <Figure
          {...review.hero}
          preload
          sizes="(min-width: 1152px) 1104px, 100vw"
          className="mx-auto max-w-5xl"
        />
        <div className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-[minmax(0,1fr)_280px]">
          <div className="min-w-0">
            <MdxContent code={review.body.code} className="prose-review" />
            <ReleaseLine review={review} film={film} />
            <GenreLinks genres={review.genres} />
            <ShareLinks path={review.url} title={review.headline} />
          </div>
          <FilmFacts
            film={film}
            release={review.release}
            className="self-start lg:sticky lg:top-4"
          />
        </div>
      </article>
      {issue ? (
        <IssuePanel
          issue={issue}
          reviewSlug={review.slug}
          signup={
            <NewsletterForm source={{ path: review.url, review: review.slug, issue: issue.slug }} />
          }
          className="mx-auto mt-14 max-w-5xl"
        />
      ) : null}
      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="no-print mx-auto mt-14 max-w-5xl">
          <h2
            id="related-heading"
            className="border-rule mb-6 border-b pb-2 font-sans text-sm font-semibold tracking-[0.2em] uppercase"
          >
            Related reviews
          </h2>
          <ReviewGrid reviews={related} />
        </section>
      ) : null}
      <MostRead reviews={mostRead} className="mx-auto mt-14 max-w-5xl" />
    </>
  )
}
