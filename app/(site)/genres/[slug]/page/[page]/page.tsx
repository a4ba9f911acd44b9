import type { Metadata } from 'next'
import { laterPagesAhead } from '@/lib/content/prerender'
import { pageParam } from '@/lib/content/paginate'
import { GenreListing, genreMetadata } from '../../../_components/genre-listing'

export const revalidate = 30

export function generateStaticParams() {
  return laterPagesAhead('genre')
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
