import type { Metadata } from 'next'
import { getIssues } from '@/lib/content'
import { laterPages, pageParam } from '@/lib/content/paginate'
import { site } from '@/lib/site'
import { IssueListing, issueMetadata, issueReviews } from '../../../_components/issue-listing'

export const revalidate = 30

export function generateStaticParams() {
  return getIssues().flatMap((issue) =>
    laterPages(issueReviews(issue).length, site.reviewsPerPage).map((page) => ({
      slug: issue.slug,
      page,
    })),
  )
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
