import type { Metadata } from 'next'
import { laterPagesAhead } from '@/lib/content/prerender'
import { pageParam } from '@/lib/content/paginate'
import { CriticListing, criticMetadata } from '../../../_components/critic-listing'

export const revalidate = 30

export function generateStaticParams() {
  return laterPagesAhead('critic')
}

export async function generateMetadata({
  params,
}: PageProps<'/critics/[slug]/page/[page]'>): Promise<Metadata> {
  const { slug, page } = await params
  return criticMetadata(slug, pageParam(page))
}

export default async function CriticPageN({ params }: PageProps<'/critics/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <CriticListing slug={slug} page={pageParam(page)} />
}
