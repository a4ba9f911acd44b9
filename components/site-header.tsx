import Link from 'next/link'
import { ThemeToggle } from '@/components/theme-toggle'
import { site } from '@/lib/site'

export function SiteHeader() {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        <Link href="/" className="no-underline" aria-label={`${site.name}, home`}>
          <span className="block font-serif text-3xl font-bold tracking-tight sm:text-4xl">
            {site.name.toUpperCase()}
          </span>
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
          <ThemeToggle className="no-print ml-2 inline-flex size-11 items-center justify-center rounded-full hover:bg-panel" />
        </div>
      </div>
    </header>
  )
}
