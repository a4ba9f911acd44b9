import {
  getCritics,
  getPublicFilms,
  getGenres,
  getIssues,
  getPublishedReviews,
  type Review,
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
  // One pass groups the published reviews (newest first) by what each listing selects on: a
  // filter of the archive per critic, genre, film and issue grew with their product.
  const grouped = (keys: (r: Review) => string[]) => {
    const groups = new Map<string, Review[]>()
    for (const r of reviews)
      for (const key of keys(r)) {
        const group = groups.get(key)
        if (group) group.push(r)
        else groups.set(key, [r])
      }
    return (key: string) => groups.get(key) ?? []
  }
  const byCritic = grouped((r) => [r.critic])
  const byGenre = grouped((r) => r.genres)
  const byFilm = grouped((r) => [r.film])
  const byIssue = grouped((r) => (r.issue ? [r.issue] : []))
  // Every page of a paged listing: its reviews, newest first, a page at a time.
  const listing = (base: string, found: Review[], otherwise?: string) => {
    const modified = latestModified(found) ?? otherwise
    return Array.from({ length: pageCount(found.length, site.reviewsPerPage) }, (_, i) =>
      page(pagedHref(base)(i + 1), modified),
    )
  }

  return [
    page('/', latest),
    ...listing('/reviews', reviews),
    ...reviews.map((r) => page(r.url, reviewModified(r))),
    page('/critics', latest),
    ...getCritics().flatMap((c) => listing(c.url, byCritic(c.slug))),
    ...getGenres(now).flatMap((g) => listing(`/genres/${g.slug}`, byGenre(g.slug))),
    ...getPublicFilms(now).flatMap((f) => listing(f.url, byFilm(f.slug))),
    page('/issues', issues[0]?.onSale),
    ...issues.flatMap((i) => listing(i.url, byIssue(i.slug), i.onSale)),
    page('/newsletter', issues[0]?.onSale),
  ]
}
