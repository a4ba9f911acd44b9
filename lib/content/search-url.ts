/** What the search page and the browser's search share. Safe to import from the client. */

/** Search results a page. */
export const SEARCH_PER_PAGE = 20

/** The search fields a results URL carries, in order. */
export const SEARCH_FIELDS = ['q', 'critic', 'genre', 'year'] as const

/** A page of the results for these fields: /search?q=…&page=2 (page 1 has no page field). */
export function searchHref(fields: Partial<Record<string, string>>, page = 1): string {
  const params = new URLSearchParams()
  for (const f of SEARCH_FIELDS) if (fields[f]) params.set(f, fields[f])
  if (page > 1) params.set('page', String(page))
  return params.size ? `/search?${params}` : '/search'
}
