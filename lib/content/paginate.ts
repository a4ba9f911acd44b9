export type Paged<T> = { items: T[]; page: number; pages: number }

/** 1-based pages; undefined for a page that does not exist, so the route can 404. */
export function paginate<T>(items: T[], page: number, perPage: number): Paged<T> | undefined {
  const pages = pageCount(items.length, perPage)
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pages }
}

export const reviewsPageHref = (page: number) => (page === 1 ? '/reviews' : `/reviews/page/${page}`)

/** How many pages `count` items fill at `perPage` a page: an empty listing is still one page. */
export function pageCount(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(count / perPage))
}
