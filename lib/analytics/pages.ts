import type { Page, PageKind } from './beacon'

const KINDS: Record<string, PageKind> = {
  reviews: 'review',
  critics: 'critic',
  genres: 'genre',
  issues: 'issue',
}

/** What a public page is, told from its path: `/reviews/<slug>` is that review, and so on. */
export function pageOf(path: string): Page {
  if (path === '/') return { path, kind: 'home', review: '' }
  const [, section = '', slug] = path.split('/')
  const kind = slug && slug !== 'page' ? (KINDS[section] ?? 'other') : 'other'
  return { path, kind, review: kind === 'review' ? slug! : '' }
}

/**
 * The public pages a beacon may name, from the one list the sitemap reads (so a draft, a
 * scheduled piece or an address that answers 404 is never counted), read again every `ttlMs`
 * (a scheduled piece goes live without a rebuild).
 */
export function createPageResolver(
  publicPaths: () => Iterable<string>,
  { ttlMs = 60_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {},
) {
  let known: { at: number; paths: Set<string> } | undefined
  return (path: string): Page | undefined => {
    if (!known || now() - known.at > ttlMs) known = { at: now(), paths: new Set(publicPaths()) }
    return known.paths.has(path) ? pageOf(path) : undefined
  }
}
