import { Link } from '@/components/ui/link'
import { site } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="no-print border-rule bg-panel mt-16 border-t font-sans text-sm">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 sm:grid-cols-3 sm:px-6">
        <div>
          <p className="font-serif text-xl font-bold">{site.name}</p>
          <p className="text-muted mt-1">{site.description}</p>
        </div>
        <nav aria-label="Footer">
          <ul className="space-y-1">
            {site.nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-block py-1.5">
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link href="/newsletter" className="inline-block py-1.5">
                Newsletter
              </Link>
            </li>
            <li>
              <a href={site.subscribeUrl} className="inline-block py-1.5">
                Subscribe to the print magazine
              </a>
            </li>
          </ul>
        </nav>
        <p className="text-muted">
          © {site.publisher.name}. All images on this site are abstract artworks made for it.
        </p>
      </div>
    </footer>
  )
}
