export type Paged<T> = { items: T[]; page: number; pages: number }

/** 1-based pages; undefined for a page that does not exist, so the route can 404. */
export function paginate<T>(items: T[], page: number, perPage: number): Paged<T> | undefined {
  const pages = pageCount(items.length, perPage)
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pages }
}

/** Page `page` of the listing at `base`: the listing itself, then `<base>/page/<n>`. */
export const pagedHref = (base: string) => (page: number) =>
  page === 1 ? base : `${base}/page/${page}`

export const reviewsPageHref = pagedHref('/reviews')

/**
 * The page a URL's segment names. Only the canonical spelling is a page: `0002` or `+2` is NaN
 * (a 404, which the page cache does not keep), not a second copy of page 2.
 */
export const pageParam = (raw: string) => (/^[1-9]\d*$/.test(raw) ? Number(raw) : Number.NaN)

/** The numbers of a listing's pages after the first, as route params. */
export const laterPages = (count: number, perPage: number): string[] =>
  Array.from({ length: pageCount(count, perPage) - 1 }, (_, i) => String(i + 2))

/** How many pages `count` items fill at `perPage` a page: an empty listing is still one page. */
export function pageCount(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(count / perPage))
}
