import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { FilmFacts } from '@/components/review/film-facts'
import { PageHeader } from '@/components/layout/page-header'
import { ReviewGrid } from '@/components/review/review-card'
import { trail } from '@/lib/seo/breadcrumbs'
import { getPublicFilm, getPublicFilms } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 30

export function generateStaticParams() {
  return getPublicFilms().map((f) => ({ slug: f.slug }))
}

export async function generateMetadata({ params }: PageProps<'/films/[slug]'>): Promise<Metadata> {
  const found = getPublicFilm((await params).slug)
  if (!found) return {}
  const { film } = found
  return pageMetadata({
    title: `${film.title} (${film.year})`,
    description: `Intertitle's reviews of ${film.title} (${film.year}), with the film's facts.`,
    path: film.url,
  })
}

export default async function FilmPage({ params }: PageProps<'/films/[slug]'>) {
  const found = getPublicFilm((await params).slug)
  if (!found) notFound()
  const { film, reviews } = found
  const title = `${film.title} (${film.year})`
  return (
    <>
      <PageHeader
        title={title}
        crumbs={trail({ name: 'Reviews', href: '/reviews' }, { name: title, href: film.url })}
      />
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
        <section aria-labelledby="film-reviews">
          <h2
            id="film-reviews"
            className="mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase"
          >
            {reviews.length === 1 ? 'Our review' : `Our ${reviews.length} reviews`}
          </h2>
          <ReviewGrid reviews={reviews} className="lg:grid-cols-2" />
        </section>
        <FilmFacts film={film} className="self-start" />
      </div>
    </>
  )
}
