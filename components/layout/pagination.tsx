import { Link } from '@/components/ui/link'

type Props = {
  page: number
  pages: number
  href: (page: number) => string
  /** What the links to the page before and after say: listings run newest first. */
  labels?: { previous: string; next: string }
  /** Plain links, a whole page load each (search, whose results the browser may draw itself). */
  plain?: boolean
}

export function Pagination({
  page,
  pages,
  href,
  labels = { previous: 'Newer reviews', next: 'Older reviews' },
  plain = false,
}: Props) {
  if (pages <= 1) return null
  const To = plain ? 'a' : Link
  return (
    <nav
      aria-label="Pagination"
      className="border-rule mt-12 flex items-center justify-between border-t pt-4 font-sans"
    >
      {page > 1 ? (
        <To href={href(page - 1)} rel="prev" className="py-2">
          ← {labels.previous}
        </To>
      ) : (
        <span />
      )}
      <span className="text-muted text-sm">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <To href={href(page + 1)} rel="next" className="py-2">
          {labels.next} →
        </To>
      ) : (
        <span />
      )}
    </nav>
  )
}
