import type { Film, Review } from '@/lib/content'
import { releaseLine } from '@/lib/content/release'

/** The line that closes every review, computed from its release data. */
export function ReleaseLine({ review, film }: { review: Review; film: Film }) {
  return (
    <p data-release-line="" className="border-rule mt-8 border-t pt-4 font-sans font-semibold">
      <span aria-hidden="true" className="text-accent">
        ►
      </span>{' '}
      {releaseLine(film.title, review.release, review.date)}
    </p>
  )
}
