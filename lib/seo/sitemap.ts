import type { PublicPage } from '@/lib/content/public-pages'
import { absoluteUrl } from '@/lib/site'

/** The sitemaps protocol's limit of URLs in one file; above it, /sitemap.xml becomes an index. */
export const URLS_PER_SITEMAP = 50_000

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const entry = (tag: 'url' | 'sitemap', { path, lastModified }: PublicPage) =>
  `<${tag}><loc>${escape(absoluteUrl(path))}</loc>` +
  (lastModified ? `<lastmod>${escape(lastModified)}</lastmod>` : '') +
  `</${tag}>\n`

/** The address of part `n` (from 1) of a sitemap too large for one file. */
export const sitemapPartPath = (n: number) => `/sitemaps/${n}.xml`

/** Parts of the sitemap: one when the pages fit in a file, else consecutive slices. */
export function sitemapParts(pages: PublicPage[], perFile = URLS_PER_SITEMAP): PublicPage[][] {
  const parts: PublicPage[][] = []
  for (let i = 0; i < pages.length; i += perFile) parts.push(pages.slice(i, i + perFile))
  return parts.length > 0 ? parts : [[]]
}

export const urlSet = (pages: PublicPage[]) =>
  `${XML_HEAD}<urlset ${NS}>\n${pages.map((p) => entry('url', p)).join('')}</urlset>\n`

/** The index of the parts, each dated by its newest page. */
export const sitemapIndex = (parts: PublicPage[][]) =>
  `${XML_HEAD}<sitemapindex ${NS}>\n${parts
    .map((part, i) => {
      const lastModified = part
        .map((p) => p.lastModified ?? '')
        .sort()
        .at(-1)
      return entry('sitemap', {
        path: sitemapPartPath(i + 1),
        lastModified: lastModified || undefined,
      })
    })
    .join('')}</sitemapindex>\n`

/** /sitemap.xml: every public page, or, above the protocol's limit, the index of the parts. */
export function sitemapDocument(pages: PublicPage[], perFile = URLS_PER_SITEMAP): string {
  const parts = sitemapParts(pages, perFile)
  return parts.length === 1 ? urlSet(pages) : sitemapIndex(parts)
}

export const xmlResponse = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
