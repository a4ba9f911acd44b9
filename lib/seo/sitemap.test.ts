import { describe, expect, it } from 'vitest'
import type { PublicPage } from '@/lib/content/public-pages'
import { absoluteUrl } from '@/lib/site'
import { sitemapDocument, sitemapParts, urlSet, URLS_PER_SITEMAP } from './sitemap'

const pages = (n: number): PublicPage[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `/reviews/r-${i}`,
    lastModified: `2025-0${1 + (i % 9)}-01T00:00:00.000Z`,
  }))
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])

describe('the sitemap', () => {
  it('is one list of URLs up to the protocol’s limit', () => {
    expect(URLS_PER_SITEMAP).toBe(50_000)
    const xml = sitemapDocument(pages(5), 5)
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /)
    expect(locs(xml)).toEqual(pages(5).map((p) => absoluteUrl(p.path)))
    expect(xml).toContain('<lastmod>2025-01-01T00:00:00.000Z</lastmod>')
  })

  it('becomes an index of parts above it, each part dated by its newest page', () => {
    const all = pages(12)
    const xml = sitemapDocument(all, 5)
    expect(xml).toContain('<sitemapindex ')
    expect(locs(xml)).toEqual([1, 2, 3].map((n) => absoluteUrl(`/sitemaps/${n}.xml`)))
    expect(xml).toContain(
      `<sitemap><loc>${absoluteUrl('/sitemaps/3.xml')}</loc><lastmod>2025-03-01T00:00:00.000Z</lastmod></sitemap>`,
    )
    // the parts hold every page once, in order
    const parts = sitemapParts(all, 5)
    expect(parts.map((p) => p.length)).toEqual([5, 5, 2])
    expect(parts.flatMap((p) => locs(urlSet(p)))).toEqual(all.map((p) => absoluteUrl(p.path)))
  })

  it('escapes what XML must', () => {
    expect(urlSet([{ path: '/search?q=a&b' }])).toContain('/search?q=a&amp;b</loc>')
  })
})
