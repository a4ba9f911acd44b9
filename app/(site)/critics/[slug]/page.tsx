import type { Metadata } from 'next'
import { firstPagesAhead } from '@/lib/content/prerender'
import { CriticListing, criticMetadata } from '../_components/critic-listing'

export const revalidate = 30

export function generateStaticParams() {
  return firstPagesAhead('critic')
}

export async function generateMetadata({
  params,
}: PageProps<'/critics/[slug]'>): Promise<Metadata> {
  return criticMetadata((await params).slug, 1)
}

export default async function CriticPage({ params }: PageProps<'/critics/[slug]'>) {
  return <CriticListing slug={(await params).slug} page={1} />
}
