import { FillImage } from '@/components/media/fill-image'
import { Link } from '@/components/ui/link'
import { criticOf, type Review } from '@/lib/content'
import { cn } from '@/components/ui/cn'
import { DateText } from '@/components/ui/date'

type Props = {
  review: Review
  headingLevel?: 'h2' | 'h3'
  showImage?: boolean
  /** Its image is the first thing a reader sees (the page's largest paint): fetched ahead. */
  preload?: boolean
  className?: string
}

export function ReviewCard({
  review,
  headingLevel: Heading = 'h3',
  showImage = true,
  preload = false,
  className,
}: Props) {
  const critic = criticOf(review.critic)
  return (
    <article className={cn('group relative flex flex-col gap-2', className)}>
      {showImage ? (
        <div className="bg-panel relative aspect-video overflow-hidden">
          <FillImage
            src={review.hero.src}
            alt=""
            sizes="(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw"
            preload={preload}
          />
        </div>
      ) : null}
      <Heading className="font-serif text-xl leading-snug font-bold text-balance">
        <Link
          href={review.url}
          className="no-underline group-hover:underline after:absolute after:inset-0"
        >
          {review.headline}
        </Link>
      </Heading>
      <p className="text-muted text-base leading-relaxed">{review.standfirst}</p>
      <p className="text-muted font-sans text-xs">
        {critic.name} · <DateText iso={review.date} />
      </p>
    </article>
  )
}

export function ReviewGrid({
  reviews,
  headingLevel,
  lead = false,
  className,
}: {
  reviews: Review[]
  headingLevel?: 'h2' | 'h3'
  /** The grid opens the page: its first card's image is fetched ahead, as the page's largest paint. */
  lead?: boolean
  className?: string
}) {
  return (
    <ul className={cn('grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3', className)}>
      {reviews.map((r, i) => (
        <li key={r.slug}>
          <ReviewCard review={r} headingLevel={headingLevel} preload={lead && i === 0} />
        </li>
      ))}
    </ul>
  )
}
