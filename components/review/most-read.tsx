import { Link } from '@/components/ui/link'
import { cn } from '@/components/ui/cn'
import type { Review } from '@/lib/content'

type Props = { reviews: Review[]; className?: string }

/** "Most read this week": a short numbered list of reviews; nothing at all when there are none. */
export function MostRead({ reviews, className }: Props) {
  if (reviews.length === 0) return null
  return (
    <section aria-labelledby="most-read-heading" className={cn('no-print', className)}>
      <h2
        id="most-read-heading"
        className="border-rule mb-4 border-b pb-2 font-sans text-sm font-semibold tracking-[0.2em] uppercase"
      >
        Most read this week
      </h2>
      <ol className="grid list-inside list-decimal gap-3 font-serif text-lg sm:grid-cols-2">
        {reviews.map((review) => (
          <li key={review.slug}>
            <Link href={review.url}>{review.headline}</Link>
          </li>
        ))}
      </ol>
    </section>
  )
}
