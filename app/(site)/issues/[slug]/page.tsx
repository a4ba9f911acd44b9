import type { Metadata } from 'next'
import { firstPagesAhead } from '@/lib/content/prerender'
import { IssueListing, issueMetadata } from '../_components/issue-listing'

export const revalidate = 30

export function generateStaticParams() {
  return firstPagesAhead('issue')
}

export async function generateMetadata({ params }: PageProps<'/issues/[slug]'>): Promise<Metadata> {
  return issueMetadata((await params).slug, 1)
}

export default async function IssuePage({ params }: PageProps<'/issues/[slug]'>) {
  return <IssueListing slug={(await params).slug} page={1} />
}
