import type { Metadata } from 'next'
import { getPublicFilm, getPublicFilms } from '@/lib/content'
import { laterPages, pageParam } from '@/lib/content/paginate'
import { site } from '@/lib/site'
import { FilmListing, filmMetadata } from '../../../_components/film-listing'

export const revalidate = 30

export function generateStaticParams() {
  return getPublicFilms().flatMap((film) =>
    laterPages(getPublicFilm(film.slug)?.reviews.length ?? 0, site.reviewsPerPage).map((page) => ({
      slug: film.slug,
      page,
    })),
  )
}

export async function generateMetadata({
  params,
}: PageProps<'/films/[slug]/page/[page]'>): Promise<Metadata> {
  const { slug, page } = await params
  return filmMetadata(slug, pageParam(page))
}

export default async function FilmPageN({ params }: PageProps<'/films/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <FilmListing slug={slug} page={pageParam(page)} />
}
