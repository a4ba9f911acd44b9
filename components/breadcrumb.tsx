import Link from 'next/link'
import type { Crumb } from '@/lib/breadcrumbs'
import { cn } from '@/lib/cn'

export function Breadcrumb({ items, className }: { items: Crumb[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={cn('no-print font-sans text-sm text-muted', className)}>
      <ol className="flex flex-wrap items-center gap-x-2">
        {items.map((item, i) => {
          const last = i === items.length - 1
          return (
            <li key={item.href} className="flex items-center gap-x-2">
              {last ? (
                <span aria-current="page" className="line-clamp-1">{item.name}</span>
              ) : (
                <>
                  <Link href={item.href} className="inline-block py-2 hover:text-ink">{item.name}</Link>
                  <span aria-hidden="true">/</span>
                </>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
