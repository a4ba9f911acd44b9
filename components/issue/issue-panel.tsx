import { FillImage } from '@/components/media/fill-image'
import { Link } from '@/components/ui/link'
import type { ReactNode } from 'react'
import { getReview, type Issue } from '@/lib/content'
import { withUtm } from '@/lib/campaign/utm'
import { cn } from '@/components/ui/cn'
import { formatIssueMonth } from '@/lib/format'
import { site } from '@/lib/site'

type Props = {
  issue: Issue
  /** The review the panel sits under, credited in the links' utm_content. */
  reviewSlug?: string
  /** Where the newsletter signup goes. */
  signup?: ReactNode
  className?: string
}

/** "The new issue" panel: sells the print magazine under every review. */
export function IssuePanel({ issue, reviewSlug, signup, className }: Props) {
  const campaign = {
    source: 'intertitle',
    medium: 'issue-panel',
    campaign: issue.slug,
    content: reviewSlug,
  }
  return (
    <section
      aria-labelledby="issue-panel-heading"
      className={cn('no-print bg-panel font-sans', className)}
    >
      <div className="grid gap-6 p-5 sm:grid-cols-[minmax(0,200px)_1fr] sm:p-8">
        <Link
          href={issue.url}
          className="relative mx-auto block aspect-[3/4] w-40 shadow-lg sm:w-full"
        >
          <FillImage src={issue.cover.src} alt={issue.cover.alt} sizes="200px" />
        </Link>
        <div>
          <h2 id="issue-panel-heading" className="font-serif text-2xl font-bold">
            The new issue of {site.name}
          </h2>
          <p className="text-muted mt-1 text-sm">
            {formatIssueMonth(issue.month)} · No. {issue.number}
          </p>
          <p className="mt-4">
            <strong>On the cover:</strong> {issue.coverLine}
          </p>
          <p className="mt-3">
            <strong>Inside:</strong>
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-[0.95rem]">
            {issue.inside.map((item) => {
              const review = item.review ? getReview(item.review) : undefined
              return (
                <li key={item.text}>
                  {review ? <Link href={review.url}>{item.text}</Link> : item.text}
                </li>
              )
            })}
          </ul>
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <a
              href={withUtm(issue.buyUrl, campaign)}
              className="bg-accent text-accent-ink inline-block rounded-sm px-5 py-3 font-semibold no-underline hover:opacity-90"
            >
              Get your copy
            </a>
            <a
              href={withUtm(issue.subscribeUrl, campaign)}
              className="inline-block py-3 font-semibold underline"
            >
              Subscribe and save
            </a>
          </div>
          {signup ? <div className="border-rule mt-6 border-t pt-6">{signup}</div> : null}
        </div>
      </div>
    </section>
  )
}
