import { describe, expect, it } from 'vitest'
import { formatDate, formatIssueMonth, genreLabel, joinNames } from '@/lib/format'
import { laterPages, pagedHref, pageParam, paginate, reviewsPageHref } from '@/lib/content/paginate'
import { withUtm } from '@/lib/campaign/utm'

describe('formatting', () => {
  it('formats dates the British way', () => {
    expect(formatDate('2025-06-05T00:00:00.000+01:00')).toBe('5 June 2025')
    expect(formatIssueMonth('2025-07')).toBe('July 2025')
  })
  it('joins names as prose', () => {
    expect(joinNames(['A'])).toBe('A')
    expect(joinNames(['A', 'B'])).toBe('A and B')
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C')
  })
  it('labels genres', () => {
    expect(genreLabel('science-fiction')).toBe('Science fiction')
  })
})

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, i) => i)
  it('slices pages and counts them', () => {
    expect(paginate(items, 3, 12)).toEqual({ items: [24], page: 3, pages: 3 })
  })
  it('refuses pages that do not exist', () => {
    expect(paginate(items, 4, 12)).toBeUndefined()
    expect(paginate(items, 0, 12)).toBeUndefined()
    expect(paginate(items, Number.NaN, 12)).toBeUndefined()
  })
  it('keeps page one at the listing itself, the rest under /page/', () => {
    expect(reviewsPageHref(1)).toBe('/reviews')
    expect(reviewsPageHref(2)).toBe('/reviews/page/2')
    expect(pagedHref('/genres/drama')(1)).toBe('/genres/drama')
    expect(pagedHref('/critics/hannah-okafor')(3)).toBe('/critics/hannah-okafor/page/3')
  })
  it('reads only the canonical spelling of a page number', () => {
    expect(pageParam('2')).toBe(2)
    for (const raw of ['0', '02', '+2', '2.0', '1e1', '', 'two']) expect(pageParam(raw)).toBeNaN()
  })
  it('names the pages after the first', () => {
    expect(laterPages(0, 12)).toEqual([])
    expect(laterPages(12, 12)).toEqual([])
    expect(laterPages(25, 12)).toEqual(['2', '3'])
  })
})

describe('withUtm', () => {
  it('adds campaign parameters and keeps existing ones', () => {
    const url = new URL(
      withUtm('https://shop.example/x?a=1', {
        source: 's',
        medium: 'm',
        campaign: 'c',
        content: undefined,
      }),
    )
    expect(url.searchParams.get('a')).toBe('1')
    expect(url.searchParams.get('utm_source')).toBe('s')
    expect(url.searchParams.has('utm_content')).toBe(false)
  })
})
