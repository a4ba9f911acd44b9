import { Link } from '@/components/ui/link'
import { getPublishedReviews } from '@/lib/content'

/** The 404's message, ways on and the latest reviews: the page without the site's chrome. */
export function NotFoundMessage() {
  const latest = getPublishedReviews().slice(0, 3)
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-accent font-sans text-sm font-semibold tracking-[0.2em] uppercase">
        Error 404
      </p>
      <h1 className="mt-3 font-serif text-4xl font-bold sm:text-5xl">Lost in the cutting room</h1>
      <p className="text-muted mt-4 text-lg">
        There is no page at this address. It may have been moved, or the link may have a typing
        error.
      </p>
      <p className="mt-8 font-sans">
        <Link href="/" className="mr-6">
          Go to the home page
        </Link>
        <Link href="/reviews">Browse all reviews</Link>
      </p>
      {latest.length > 0 ? (
        <section aria-labelledby="nf-latest" className="mt-12 text-left">
          <h2 id="nf-latest" className="font-sans text-sm font-semibold tracking-[0.2em] uppercase">
            Latest reviews
          </h2>
          <ul className="mt-3 space-y-2">
            {latest.map((r) => (
              <li key={r.slug}>
                <Link href={r.url}>{r.headline}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
