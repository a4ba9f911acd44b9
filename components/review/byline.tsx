import { Link } from '@/components/ui/link'
import type { Critic, Review } from '@/lib/content'
import { DateText } from '@/components/ui/date'

export function Byline({ review, critic }: { review: Review; critic: Critic }) {
  return (
    <p className="text-muted font-sans text-sm">
      By{' '}
      <Link
        href={critic.url}
        rel="author"
        className="text-ink decoration-rule hover:decoration-accent font-semibold underline"
      >
        {critic.name}
      </Link>
      <span aria-hidden="true"> · </span>
      <DateText iso={review.date} />
      <span aria-hidden="true"> · </span>
      <span>{review.readingMinutes} min read</span>
    </p>
  )
}
