import type { Metadata } from 'next'
import { PageNotFound } from '@/components/layout/page-not-found'
import { PageHeader } from '@/components/layout/page-header'
import { Pagination } from '@/components/layout/pagination'
import { FilmFacts } from '@/components/review/film-facts'
import { ReviewGrid } from '@/components/review/review-card'
import { listingPage } from '@/components/review/review-listing'
import { getPublicFilm, type Film } from '@/lib/content'
import { pagedHref } from '@/lib/content/paginate'
import { trail } from '@/lib/seo/breadcrumbs'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

const filmTitle = (film: Film) => `${film.title} (${film.year})`

export function filmMetadata(slug: string, page: number): Metadata {
  const found = getPublicFilm(slug)
  if (!found || !listingPage(found.reviews, page)) return notFoundMetadata
  const { film } = found
  return pageMetadata({
    title: page > 1 ? `${filmTitle(film)}, page ${page}` : filmTitle(film),
    description: `Intertitle's reviews of ${film.title} (${film.year}), with the film's facts.`,
    path: pagedHref(film.url)(page),
  })
}

/** A film with its facts and our reviews of it, newest first, a page at a time. */
export function FilmListing({ slug, page }: { slug: string; page: number }) {
  const found = getPublicFilm(slug)
  if (!found) return <PageNotFound />
  const { film, reviews } = found
  const paged = listingPage(reviews, page)
  if (!paged) return <PageNotFound />
  const title = filmTitle(film)
  const href = pagedHref(film.url)
  const crumbs = trail({ name: 'Reviews', href: '/reviews' }, { name: title, href: film.url })
  return (
    <>
      <PageHeader
        title={page > 1 ? `${title}, page ${page}` : title}
        crumbs={page > 1 ? [...crumbs, { name: `Page ${page}`, href: href(page) }] : crumbs}
      />
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
        <section aria-labelledby="film-reviews">
          <h2
            id="film-reviews"
            className="mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase"
          >
            {reviews.length === 1 ? 'Our review' : `Our ${reviews.length} reviews`}
          </h2>
          <ReviewGrid reviews={paged.items} className="lg:grid-cols-2" />
          <Pagination page={paged.page} pages={paged.pages} href={href} />
        </section>
        <FilmFacts film={film} className="self-start" />
      </div>
    </>
  )
}
