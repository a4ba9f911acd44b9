import type { Metadata } from 'next'
import { firstPagesAhead } from '@/lib/content/prerender'
import { GenreListing, genreMetadata } from '../_components/genre-listing'

export const revalidate = 30

export function generateStaticParams() {
  return firstPagesAhead('genre')
}

export async function generateMetadata({ params }: PageProps<'/genres/[slug]'>): Promise<Metadata> {
  return genreMetadata((await params).slug, 1)
}

export default async function GenrePage({ params }: PageProps<'/genres/[slug]'>) {
  return <GenreListing slug={(await params).slug} page={1} />
}
