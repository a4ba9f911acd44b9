import Link from 'next/link'
import { ThemeToggle } from '@/components/theme-toggle'
import { site } from '@/lib/site'

export function SiteHeader() {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        {/* No aria-label: the visible words are the link's name (WCAG 2.5.3, label in name). */}
        <Link href="/" className="no-underline">
          <span className="block font-serif text-3xl font-bold tracking-tight uppercase sm:text-4xl">{site.name}</span>
          <span className="block font-sans text-xs tracking-[0.2em] text-muted uppercase">{site.tagline}</span>
        </Link>
        <div className="flex items-center gap-2 font-sans text-sm">
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {site.nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="inline-block py-2 no-underline hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Link href="/search" className="no-print inline-flex min-h-11 items-center gap-1.5 rounded-full px-3 no-underline hover:bg-panel">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
              <circle cx="11" cy="11" r="6.5" />
              <path d="m16 16 4.5 4.5" />
            </svg>
            Search
          </Link>
          <ThemeToggle className="no-print ml-2 inline-flex size-11 items-center justify-center rounded-full hover:bg-panel" />
        </div>
      </div>
    </header>
  )
}
