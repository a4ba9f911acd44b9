import type { Metadata } from 'next'
import { firstPagesAhead } from '@/lib/content/prerender'
import { FilmListing, filmMetadata } from '../_components/film-listing'

export const revalidate = 30

export function generateStaticParams() {
  return firstPagesAhead('film')
}

export async function generateMetadata({ params }: PageProps<'/films/[slug]'>): Promise<Metadata> {
  return filmMetadata((await params).slug, 1)
}

export default async function FilmPage({ params }: PageProps<'/films/[slug]'>) {
  return <FilmListing slug={(await params).slug} page={1} />
}
