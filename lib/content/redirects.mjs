// @ts-check
import { readCollection } from './generated.mjs'
import { isPublished } from './publication.mjs'

/** @typedef {import('./publication.mjs').Publishable & { url: string, redirectFrom?: string[] }} ReviewJson */

/**
 * Permanent redirects from each published review's old slugs, for next.config.mjs, which
 * cannot use the tsconfig alias: it reads Contentlayer's JSON directly, through the same rule.
 * @param {string} [root]
 */
export function reviewRedirects(root = process.cwd()) {
  const reviews = /** @type {ReviewJson[]} */ (readCollection('Review', root))
  return reviews
    .filter((r) => isPublished(r))
    .flatMap((r) =>
      (r.redirectFrom ?? []).map((source) => ({ source, destination: r.url, permanent: true })),
    )
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
