import { criticOf, getIssue, getPublishedReviews, getReview } from '@/lib/content'
import { formatIssueMonth } from '@/lib/format'
import type { NewIssue } from './emails/new-issue'

/**
 * The new-issue email's content, from the Issue document: its cover and lines, and the reviews
 * published from it (standfirst and critic), newest first. Undefined for an unknown issue.
 */
export function composeNewIssue(slug: string, now: Date = new Date()): NewIssue | undefined {
  const issue = getIssue(slug)
  if (!issue) return undefined
  return {
    slug: issue.slug,
    title: `${formatIssueMonth(issue.month)}, No. ${issue.number}`,
    cover: issue.cover,
    coverLine: issue.coverLine,
    inside: issue.inside.map((item) => {
      const review = item.review ? getReview(item.review, { now }) : undefined
      return { text: item.text, href: review?.url }
    }),
    reviews: getPublishedReviews(now)
      .filter((review) => review.issue === issue.slug)
      .map((review) => ({
        headline: review.headline,
        standfirst: review.standfirst,
        critic: criticOf(review.critic).name,
        href: review.url,
      })),
    buyUrl: issue.buyUrl,
    subscribeUrl: issue.subscribeUrl,
  }
}
