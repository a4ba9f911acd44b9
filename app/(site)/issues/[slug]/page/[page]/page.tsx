import type { Metadata } from 'next'
import { laterPagesAhead } from '@/lib/content/prerender'
import { pageParam } from '@/lib/content/paginate'
import { IssueListing, issueMetadata } from '../../../_components/issue-listing'

export const revalidate = 30

export function generateStaticParams() {
  return laterPagesAhead('issue')
}

export async function generateMetadata({
  params,
}: PageProps<'/issues/[slug]/page/[page]'>): Promise<Metadata> {
  const { slug, page } = await params
  return issueMetadata(slug, pageParam(page))
}

export default async function IssuePageN({ params }: PageProps<'/issues/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <IssueListing slug={slug} page={pageParam(page)} />
}
