import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { IssueSummary } from '@/components/issue/issue-summary'
import { PageHeader } from '@/components/layout/page-header'
import { ReviewGrid } from '@/components/review/review-card'
import { trail } from '@/lib/seo/breadcrumbs'
import { getIssueOnSale, getIssues, getReviewsWhere, type Issue } from '@/lib/content'
import { formatIssueMonth } from '@/lib/format'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 30

export function generateStaticParams() {
  return getIssues().map((i) => ({ slug: i.slug }))
}

const issueTitle = (issue: Issue) => `${formatIssueMonth(issue.month)} issue`

export async function generateMetadata({ params }: PageProps<'/issues/[slug]'>): Promise<Metadata> {
  const issue = getIssueOnSale((await params).slug)
  return issue
    ? pageMetadata({
        title: issueTitle(issue),
        description: `On the cover: ${issue.coverLine}`,
        path: issue.url,
        image: issue.cover,
      })
    : {}
}

export default async function IssuePage({ params }: PageProps<'/issues/[slug]'>) {
  const issue = getIssueOnSale((await params).slug)
  if (!issue) notFound()
  const reviews = getReviewsWhere((r) => r.issue === issue.slug)
  return (
    <>
      <PageHeader
        title={issueTitle(issue)}
        crumbs={trail(
          { name: 'The magazine', href: '/issues' },
          { name: issueTitle(issue), href: issue.url },
        )}
      />
      <IssueSummary issue={issue} link={false} />
      <p className="mt-6 flex flex-wrap gap-4 font-sans">
        <a
          href={issue.buyUrl}
          className="bg-accent text-accent-ink inline-block rounded-sm px-5 py-3 font-semibold no-underline"
        >
          Get your copy
        </a>
        <a href={issue.subscribeUrl} className="inline-block py-3 font-semibold">
          Subscribe and save
        </a>
      </p>
      {reviews.length > 0 ? (
        <section aria-labelledby="issue-reviews" className="mt-14">
          <h2
            id="issue-reviews"
            className="mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase"
          >
            Reviews in this issue
          </h2>
          <ReviewGrid reviews={reviews} />
        </section>
      ) : null}
    </>
  )
}
