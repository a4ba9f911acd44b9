import Link from 'next/link'

type Props = { page: number; pages: number; href: (page: number) => string }

export function Pagination({ page, pages, href }: Props) {
  if (pages <= 1) return null
  return (
    <nav
      aria-label="Pagination"
      className="border-rule mt-12 flex items-center justify-between border-t pt-4 font-sans"
    >
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="py-2">
          ← Newer reviews
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted text-sm">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className="py-2">
          Older reviews →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
