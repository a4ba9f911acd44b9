import type { Metadata } from 'next'
import { PageNotFound } from '@/components/layout/page-not-found'
import { IssueSummary } from '@/components/issue/issue-summary'
import { listingPage, ReviewListing } from '@/components/review/review-listing'
import { getIssueOnSale, getReviewsWhere, type Issue, type Review } from '@/lib/content'
import { pagedHref } from '@/lib/content/paginate'
import { formatIssueMonth } from '@/lib/format'
import { trail } from '@/lib/seo/breadcrumbs'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

const issueReviews = (issue: Issue): Review[] => getReviewsWhere((r) => r.issue === issue.slug)

const issueTitle = (issue: Issue) => `${formatIssueMonth(issue.month)} issue`

export function issueMetadata(slug: string, page: number): Metadata {
  const issue = getIssueOnSale(slug)
  if (!issue || !listingPage(issueReviews(issue), page)) return notFoundMetadata
  return pageMetadata({
    title: page > 1 ? `${issueTitle(issue)}, page ${page}` : issueTitle(issue),
    description: `On the cover: ${issue.coverLine}`,
    path: pagedHref(issue.url)(page),
    image: issue.cover,
  })
}

/** An issue on sale: its cover and where to buy it, then its reviews, a page at a time. */
export function IssueListing({ slug, page }: { slug: string; page: number }) {
  const issue = getIssueOnSale(slug)
  if (!issue) return <PageNotFound />
  const reviews = issueReviews(issue)
  const title = issueTitle(issue)
  return (
    <ReviewListing
      reviews={reviews}
      page={page}
      base={issue.url}
      title={title}
      crumbs={trail({ name: 'The magazine', href: '/issues' }, { name: title, href: issue.url })}
    >
      {page === 1 ? (
        <>
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
        </>
      ) : null}
      {reviews.length > 0 ? (
        <h2 className="mt-14 mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase">
          Reviews in this issue
        </h2>
      ) : null}
    </ReviewListing>
  )
}
