import { getIssueOnSale, getPublishedReviews, type Review } from '@/lib/content'
import { pageCount } from '@/lib/content/paginate'
import { site } from '@/lib/site'

/**
 * What `next build` renders ahead: the newest `site.prerenderedReviews` reviews and the pages of
 * listings that show them. Every other page (an old review, a film last reviewed years ago, a
 * critic's tenth page) renders on its first request and is then cached like the rest (ISR). So a
 * build's cost follows that number, not the size of the archive, and every URL still answers.
 */
export const prerenderedReviews = (now?: Date): Review[] =>
  getPublishedReviews(now).slice(0, site.prerenderedReviews)

/**
 * The listings a review appears in, by kind: its critic's, its genres', its film's and its
 * issue's (only an issue on sale has a page).
 */
const listings = {
  critic: (r: Review) => [r.critic],
  genre: (r: Review) => r.genres,
  film: (r: Review) => [r.film],
  issue: (r: Review) => (getIssueOnSale(r.issue) ? [r.issue] : []),
} satisfies Record<string, (r: Review) => string[]>

type Listing = keyof typeof listings

/**
 * For each listing `keys` reads off a review, how many of its pages show one of `newest`, the
 * newest reviews in order. Listings run newest first, so those reviews lead every listing they
 * appear in: a listing holding k of them shows them on its first ⌈k / per page⌉ pages. Only the
 * newest reviews are read, never the whole archive.
 */
export function pagesShowing(
  newest: Review[],
  keys: (r: Review) => string[],
  perPage: number,
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const review of newest)
    for (const slug of keys(review)) counts.set(slug, (counts.get(slug) ?? 0) + 1)
  return new Map([...counts].map(([slug, k]) => [slug, pageCount(k, perPage)]))
}

const listingsAhead = (kind: Listing) =>
  pagesShowing(prerenderedReviews(), listings[kind], site.reviewsPerPage)

/** Route params for the first pages of the listings of a kind that show prerendered reviews. */
export const firstPagesAhead = (kind: Listing) =>
  [...listingsAhead(kind).keys()].map((slug) => ({ slug }))

/** Route params for their later pages (`/page/2` on), as far as the prerendered reviews reach. */
export const laterPagesAhead = (kind: Listing) =>
  [...listingsAhead(kind)].flatMap(([slug, pages]) =>
    Array.from({ length: pages - 1 }, (_, i) => ({ slug, page: String(i + 2) })),
  )
