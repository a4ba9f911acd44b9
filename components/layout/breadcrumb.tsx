import { Link } from '@/components/ui/link'
import { JsonLd } from '@/components/ui/json-ld'
import type { Crumb } from '@/lib/seo/breadcrumbs'
import { cn } from '@/components/ui/cn'

type Props = {
  items: Crumb[]
  /** Page-specific JSON-LD nodes, emitted with the same trail as a BreadcrumbList. */
  nodes?: Record<string, unknown>[]
  className?: string
}

/** The visible trail and its JSON-LD twin, from one list so they can never disagree. */
export function Breadcrumb({ items, nodes, className }: Props) {
  return (
    <>
      <JsonLd crumbs={items} nodes={nodes} />
      <nav
        aria-label="Breadcrumb"
        className={cn('no-print text-muted font-sans text-sm', className)}
      >
        <ol className="flex flex-wrap items-center gap-x-2">
          {items.map((item, i) => {
            const last = i === items.length - 1
            return (
              <li key={item.href} className="flex items-center gap-x-2">
                {last ? (
                  <span aria-current="page" className="line-clamp-1">
                    {item.name}
                  </span>
                ) : (
                  <>
                    <Link href={item.href} className="hover:text-ink inline-block py-2">
                      {item.name}
                    </Link>
                    <span aria-hidden="true">/</span>
                  </>
                )}
              </li>
            )
          })}
        </ol>
      </nav>
    </>
  )
}
