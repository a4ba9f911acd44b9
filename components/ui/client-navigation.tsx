'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { SITE_LINK } from './link'

/** The site link an event happened in, with the address it goes to, if it stays on this site. */
function siteLinkOf(event: Event): { link: HTMLAnchorElement; to: string } | undefined {
  const link = event.target instanceof Element ? event.target.closest(`a[${SITE_LINK}]`) : null
  if (!(link instanceof HTMLAnchorElement)) return undefined
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return undefined
  const url = new URL(link.href)
  if (url.origin !== window.location.origin) return undefined
  return { link, to: url.pathname + url.search + url.hash }
}

/**
 * What Next's `<Link>` does, for every `Link` on the page at once (they are plain server-rendered
 * anchors, see `./link`): a click, without a modifier key, navigates on the client; a pointer
 * over a link, a finger on it or keyboard focus fetches its page ahead. One listener of each on
 * the document, so a page hydrates this component once instead of one per link.
 */
export function ClientNavigation() {
  const router = useRouter()
  useEffect(() => {
    const fetched = new WeakSet<HTMLAnchorElement>()
    const reach = (event: Event) => {
      const found = siteLinkOf(event)
      if (!found || fetched.has(found.link)) return
      fetched.add(found.link)
      router.prefetch(found.to)
    }
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const found = siteLinkOf(event)
      if (!found) return
      event.preventDefault()
      router.push(found.to)
    }
    const passive = { passive: true }
    document.addEventListener('click', click)
    document.addEventListener('mouseover', reach, passive)
    document.addEventListener('touchstart', reach, passive)
    document.addEventListener('focusin', reach)
    return () => {
      document.removeEventListener('click', click)
      document.removeEventListener('mouseover', reach)
      document.removeEventListener('touchstart', reach)
      document.removeEventListener('focusin', reach)
    }
  }, [router])
  return null
}
