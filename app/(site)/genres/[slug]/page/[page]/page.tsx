import type { Metadata } from 'next'
import { getGenres } from '@/lib/content'
import { laterPages, pageParam } from '@/lib/content/paginate'
import { site } from '@/lib/site'
import { GenreListing, genreMetadata, genreReviews } from '../../../_components/genre-listing'

export const revalidate = 30

export function generateStaticParams() {
  return getGenres().flatMap((g) =>
    laterPages(genreReviews(g.slug).length, site.reviewsPerPage).map((page) => ({
      slug: g.slug,
      page,
    })),
  )
}

export async function generateMetadata({
  params,
}: PageProps<'/genres/[slug]/page/[page]'>): Promise<Metadata> {
  const { slug, page } = await params
  return genreMetadata(slug, pageParam(page))
}

export default async function GenrePageN({ params }: PageProps<'/genres/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <GenreListing slug={slug} page={pageParam(page)} />
}
