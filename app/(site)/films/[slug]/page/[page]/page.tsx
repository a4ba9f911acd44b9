import type { Metadata } from 'next'
import { laterPagesAhead } from '@/lib/content/prerender'
import { pageParam } from '@/lib/content/paginate'
import { FilmListing, filmMetadata } from '../../../_components/film-listing'

export const revalidate = 30

export function generateStaticParams() {
  return laterPagesAhead('film')
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
