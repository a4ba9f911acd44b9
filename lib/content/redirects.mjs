import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isPublished, type Publishable } from './publication'

type ReviewJson = Publishable & { url: string; redirectFrom?: string[] }

/**
 * Permanent redirects from each published review's old slugs, for next.config.ts, which
 * cannot use the tsconfig alias: it reads Contentlayer's JSON directly, through the same rule.
 */
export function reviewRedirects(root: string = process.cwd()) {
  const file = path.join(root, '.contentlayer/generated/Review/_index.json')
  const reviews = JSON.parse(readFileSync(file, 'utf8')) as ReviewJson[]
  return reviews
    .filter((r) => isPublished(r))
    .flatMap((r) => (r.redirectFrom ?? []).map((source) => ({ source, destination: r.url, permanent: true })))
}

/** Page 1 of a paged listing has one address, the listing's own (a permanent redirect, no render). */
export const firstPageRedirects = [
  '/reviews',
  '/genres/:slug',
  '/critics/:slug',
  '/films/:slug',
  '/issues/:slug',
].map((base) => ({
  source: `${base}/page/1`,
  destination: base,
  permanent: true,
}))
