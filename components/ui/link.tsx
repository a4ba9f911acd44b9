'use client'

import NextLink from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

type Props = Omit<
  ComponentProps<typeof NextLink>,
  'href' | 'prefetch' | 'onMouseEnter' | 'onTouchStart' | 'onFocus'
> & { href: string }

/**
 * Every link from one page of the site to another. Next's own `<Link>` prefetches each page it
 * links to as the link scrolls into view: a review read on a phone fetched a dozen pages it was
 * not asked for, and handling them kept the main thread busy just after the page became usable
 * (docs/benchmarks.md). This one fetches a page ahead when the reader reaches for its link (a
 * pointer over it, a finger on it, keyboard focus), which still comes before the click; the
 * navigation itself stays a client-side one. `npm run lint` keeps `next/link` out of the rest of
 * the site.
 */
export function Link({ href, ...props }: Props) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={prefetch}
      onTouchStart={prefetch}
      onFocus={prefetch}
    />
  )
}
