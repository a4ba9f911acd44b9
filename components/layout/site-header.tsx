import { Link } from '@/components/ui/link'
import { ThemeToggle } from '@/components/layout/theme-toggle'
import { site } from '@/lib/site'

export function SiteHeader() {
  return (
    <header className="border-rule border-b">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        {/* No aria-label: the visible words are the link's name (WCAG 2.5.3, label in name). */}
        <Link href="/" className="no-underline">
          <span className="block font-serif text-3xl font-bold tracking-tight uppercase sm:text-4xl">
            {site.name}
          </span>
          <span className="text-muted block font-sans text-xs tracking-[0.2em] uppercase">
            {site.tagline}
          </span>
        </Link>
        {/* On a phone this row runs the full width under the name: links left, search and theme right. */}
        <div className="flex w-full items-center justify-between gap-1 font-sans text-sm sm:w-auto sm:justify-end sm:gap-2">
          <nav aria-label="Main" className="mr-auto sm:mr-0">
            <ul className="flex flex-wrap gap-x-3 gap-y-1 sm:gap-x-4">
              {site.nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="inline-block py-2 no-underline hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {/* Search and the theme switch in columns of their own: a page long enough to arrive in
              pieces can be painted before the parser reaches the switch, and its column is then
              already kept, so the search link does not move when it comes. */}
          <div className="no-print grid grid-cols-[auto_2.75rem] items-center gap-1 sm:gap-4">
            <Link
              href="/search"
              className="no-print hover:bg-panel inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-full no-underline sm:px-3"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                width="18"
                height="18"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <circle cx="11" cy="11" r="6.5" />
                <path d="m16 16 4.5 4.5" />
              </svg>
              <span className="sr-only sm:not-sr-only">Search</span>
            </Link>
            <ThemeToggle className="no-print hover:bg-panel inline-flex size-11 items-center justify-center rounded-full" />
          </div>
        </div>
      </div>
    </header>
  )
}
