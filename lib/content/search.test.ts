import { describe, expect, it } from 'vitest'
import { plainText, searchFacets, searchReviews, type SearchRecord } from '@/lib/content/search'
import { searchHref } from '@/lib/content/search-url'

const record = (over: Partial<SearchRecord>): SearchRecord => ({
  url: '/reviews/x',
  headline: 'X: fine',
  film: 'X',
  year: '2025',
  critic: 'Ann Critic',
  date: '2025-06-05',
  genres: ['Drama'],
  people: 'Len Wiseman, Ana de Armas, Eve Macarro',
  text: 'A long piece about a ballet school and its cruelties.',
  ...over,
})

describe('search', () => {
  const records = [
    record({}),
    record({
      url: '/reviews/y',
      film: 'Y',
      critic: 'Bo',
      genres: ['Horror'],
      year: '2024',
      people: 'Zach Cregger',
      text: 'Fear in the suburbs.',
    }),
  ]

  it('finds by director, cast, critic and words, accent- and case-insensitively', () => {
    expect(searchReviews(records, 'wiseman').map((h) => h.record.url)).toEqual(['/reviews/x'])
    expect(searchReviews(records, 'ana DE armas').map((h) => h.record.url)).toEqual(['/reviews/x'])
    expect(searchReviews(records, 'bo').map((h) => h.record.url)).toEqual(['/reviews/y'])
    expect(searchReviews(records, 'cregger suburbs').map((h) => h.record.url)).toEqual([
      '/reviews/y',
    ])
    expect(searchReviews(records, 'nothing-like-this')).toEqual([])
  })
  it('filters by critic, genre and year', () => {
    expect(searchReviews(records, '', { genre: 'Horror' }).map((h) => h.record.url)).toEqual([
      '/reviews/y',
    ])
    expect(searchReviews(records, '', { year: '2025', critic: 'Ann Critic' })).toHaveLength(1)
  })
  it('cuts an excerpt around the match', () => {
    expect(searchReviews(records, 'ballet')[0]?.excerpt).toEqual({
      before: 'A long piece about a ',
      match: 'ballet',
      after: ' school and its cruelties.',
    })
  })
  it('lists facets', () => {
    expect(searchFacets(records)).toEqual({
      critics: ['Ann Critic', 'Bo'],
      genres: ['Drama', 'Horror'],
      years: ['2025', '2024'],
    })
  })
  it('reduces MDX to plain words, without pull quotes', () => {
    expect(
      plainText(
        'One *two*.\n\n<PullQuote>One two.</PullQuote>\n\n<Still src="/a.jpg" alt="b" />\n\n[Three](/x) four.',
      ),
    ).toBe('One two. Three four.')
  })
})

describe('search result pages', () => {
  it('carry the search fields in order, and a page number after the first', () => {
    expect(searchHref({})).toBe('/search')
    expect(searchHref({ genre: 'drama', q: 'wick' })).toBe('/search?q=wick&genre=drama')
    expect(searchHref({ q: 'wick', year: '' }, 1)).toBe('/search?q=wick')
    expect(searchHref({ q: 'a b&c' }, 3)).toBe('/search?q=a+b%26c&page=3')
  })
})
