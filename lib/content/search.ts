import { criticOf, filmOf, getPublishedReviews, type Review } from '@/lib/content'
import { genreLabel } from '@/lib/format'
import { escapeRegExp } from '@/lib/text'
import { rewriteComponents } from './mdx-text'

/**
 * What readers search: headline, film, director, cast, critic, genres and the words of
 * the review. The build indexes these records with Pagefind for the browser; the same
 * records answer /search on the server when JavaScript is off.
 */
export type SearchRecord = {
  url: string
  headline: string
  film: string
  year: string
  critic: string
  date: string
  genres: string[]
  people: string
  text: string
}
export type SearchFilters = { critic?: string; genre?: string; year?: string }
export type Excerpt = { before: string; match: string; after: string }
export type SearchHit = { record: SearchRecord; excerpt?: Excerpt }

export function plainText(mdx: string): string {
  return rewriteComponents(mdx, {
    pullQuote: ' ',
    still: () => ' ',
    aside: ({ title = '' }, inner) => ` ${title}. ${inner} `,
  })
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export function searchRecord(review: Review): SearchRecord {
  const film = filmOf(review.film)
  return {
    url: review.url,
    headline: review.headline,
    film: film.title,
    year: String(film.year),
    critic: criticOf(review.critic).name,
    date: review.date,
    genres: review.genres.map(genreLabel),
    people: [
      ...film.directors,
      ...film.writers,
      ...film.cast.flatMap((c) => [c.name, c.character]),
    ].join(', '),
    text: `${review.standfirst} ${plainText(review.body.raw)}`,
  }
}

export function searchRecords(now?: Date): SearchRecord[] {
  return getPublishedReviews(now).map(searchRecord)
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
/** A term matches at the start of a word, as in Pagefind: "wise" finds Wiseman, "bo" not "about". */
const wordStart = (term: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'u')

function excerpt(text: string, term: string, radius = 90): Excerpt | undefined {
  const at = fold(text).search(wordStart(term))
  if (at < 0) return undefined
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - radius)) + 1)
  const endSpace = text.indexOf(' ', at + term.length + radius)
  const end = endSpace < 0 ? text.length : endSpace
  return {
    before: `${start > 0 ? '… ' : ''}${text.slice(start, at)}`,
    match: text.slice(at, at + term.length),
    after: `${text.slice(at + term.length, end)}${end < text.length ? ' …' : ''}`,
  }
}

/** Every word of the query must appear somewhere in the record; filters narrow the set. */
export function searchReviews(
  records: SearchRecord[],
  query: string,
  filters: SearchFilters = {},
): SearchHit[] {
  const terms = fold(query).split(/\s+/).filter(Boolean)
  return records
    .filter(
      (r) =>
        (!filters.critic || r.critic === filters.critic) &&
        (!filters.genre || r.genres.includes(filters.genre)) &&
        (!filters.year || r.year === filters.year),
    )
    .filter((r) => {
      const haystack = fold(
        [r.headline, r.film, r.critic, r.people, r.genres.join(' '), r.text].join(' '),
      )
      return terms.every((t) => wordStart(t).test(haystack))
    })
    .map((record) => ({ record, excerpt: terms[0] ? excerpt(record.text, terms[0]) : undefined }))
}

export function searchFacets(records: SearchRecord[]) {
  const sorted = (values: string[]) => [...new Set(values)].sort()
  return {
    critics: sorted(records.map((r) => r.critic)),
    genres: sorted(records.flatMap((r) => r.genres)),
    years: sorted(records.map((r) => r.year)).reverse(),
  }
}
