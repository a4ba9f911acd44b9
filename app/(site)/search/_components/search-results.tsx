import type { ReactNode } from 'react'
import { DateText } from '@/components/ui/date'

export type ResultItem = {
  url: string
  title: string
  film: string
  critic: string
  date: string
  excerpt: ReactNode
}

/** One list design for both the server's results and the browser's Pagefind results. */
export function SearchResults({
  items,
  summary,
  pager,
}: {
  items: ResultItem[]
  summary: string
  /** The links to the other pages of results. */
  pager?: ReactNode
}) {
  return (
    <section aria-labelledby="results-heading" className="mt-10">
      <h2
        id="results-heading"
        className="font-sans text-sm font-semibold tracking-[0.2em] uppercase"
      >
        Results
      </h2>
      <p role="status" className="text-muted mt-2 font-sans">
        {summary}
      </p>
      <ol className="mt-6 space-y-8">
        {items.map((item) => (
          <li key={item.url}>
            <h3 className="font-serif text-xl font-bold">
              <a href={item.url}>{item.title}</a>
            </h3>
            <p className="text-muted mt-1 font-sans text-sm">
              {item.film} · {item.critic} · <DateText iso={item.date} />
            </p>
            <p className="[&_mark]:bg-accent [&_mark]:text-accent-ink mt-2 [&_mark]:px-0.5">
              {item.excerpt}
            </p>
          </li>
        ))}
      </ol>
      {pager}
    </section>
  )
}

export function resultSummary(count: number, q: string): string {
  if (!q)
    return count === 0
      ? 'Type a film, a director, an actor or a critic.'
      : `${count} reviews match these filters.`
  return count === 0
    ? `No reviews match “${q}”.`
    : `${count} ${count === 1 ? 'review matches' : 'reviews match'} “${q}”.`
}
