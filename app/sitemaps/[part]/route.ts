import { publicPages } from '@/lib/content/public-pages'
import { plain } from '@/lib/http'
import { sitemapParts, urlSet, xmlResponse } from '@/lib/seo/sitemap'

export const revalidate = 30

/** Part N of a sitemap too large for one file (/sitemaps/N.xml), as /sitemap.xml lists them. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[part]'>) {
  const parts = sitemapParts(publicPages())
  const n = /^([1-9]\d*)\.xml$/.exec((await params).part)?.[1]
  const part = n && parts.length > 1 ? parts[Number(n) - 1] : undefined
  return part ? xmlResponse(urlSet(part)) : plain(404, 'No such sitemap')
}
