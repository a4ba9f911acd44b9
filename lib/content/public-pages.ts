import {
  getCritics,
  getPublicFilms,
  getGenres,
  getIssues,
  getPublishedReviews,
  getReviewsWhere,
} from '@/lib/content'
import { latestModified, reviewModified } from '@/lib/content/last-modified'
import { pageCount, pagedHref } from '@/lib/content/paginate'
import { site } from '@/lib/site'

export type PublicPage = { path: string; lastModified?: string }

/**
 * Every public page, with when its content last changed. The sitemap lists these and
 * the URL-history check holds every URL ever published to them.
 */
export function publicPages(now?: Date): PublicPage[] {
  const reviews = getPublishedReviews(now)
  const page = (path: string, lastModified: string | undefined): PublicPage =>
    lastModified ? { path, lastModified } : { path }
  const latest = latestModified(reviews)
  const issues = getIssues(now)
  const where = (predicate: Parameters<typeof getReviewsWhere>[0]) =>
    latestModified(getReviewsWhere(predicate, now))
  // Every page of a paged listing: its reviews, newest first, a page at a time.
  const listing = (base: string, predicate: Parameters<typeof getReviewsWhere>[0]) => {
    const found = getReviewsWhere(predicate, now)
    const count = pageCount(found.length, site.reviewsPerPage)
    return Array.from({ length: count }, (_, i) =>
      page(pagedHref(base)(i + 1), latestModified(found)),
    )
  }

  return [
    page('/', latest),
    ...listing('/reviews', () => true),
    ...reviews.map((r) => page(r.url, reviewModified(r))),
    page('/critics', latest),
    ...getCritics().flatMap((c) => listing(c.url, (r) => r.critic === c.slug)),
    ...getGenres(now).flatMap((g) => listing(`/genres/${g.slug}`, (r) => r.genres.includes(g.slug))),
    ...getPublicFilms(now).map((f) =>
      page(
        f.url,
        where((r) => r.film === f.slug),
      ),
    ),
    page('/issues', issues[0]?.onSale),
    ...issues.map((i) => page(i.url, where((r) => r.issue === i.slug) ?? i.onSale)),
    page('/newsletter', issues[0]?.onSale),
  ]
}
