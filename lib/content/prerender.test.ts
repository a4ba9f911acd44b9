import { describe, expect, it } from 'vitest'
import { pagesShowing } from '@/lib/content/prerender'
import type { Review } from '@/lib/content'

const review = (film: string, genres: string[] = []) => ({ film, genres }) as unknown as Review

describe('pagesShowing', () => {
  const byFilm = (r: Review) => [r.film]

  it('gives each listing the pages its share of the newest reviews fills', () => {
    const newest = [
      ...Array.from({ length: 13 }, () => review('a')),
      review('b'),
      ...Array.from({ length: 12 }, () => review('c')),
    ]
    expect(Object.fromEntries(pagesShowing(newest, byFilm, 12))).toEqual({ a: 2, b: 1, c: 1 })
  })

  it('counts a review once in each listing it belongs to', () => {
    const newest = [review('a', ['drama', 'war']), review('b', ['drama'])]
    const pages = pagesShowing(newest, (r) => r.genres, 1)
    expect(Object.fromEntries(pages)).toEqual({ drama: 2, war: 1 })
  })

  it('lists no listing that none of the newest reviews appears in', () => {
    expect(pagesShowing([], byFilm, 12).size).toBe(0)
    expect([...pagesShowing([review('a')], () => [], 12)]).toEqual([])
  })
})
