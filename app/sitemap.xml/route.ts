import { publicPages } from '@/lib/content/public-pages'
import { sitemapDocument, xmlResponse } from '@/lib/seo/sitemap'

export const revalidate = 30

/** Every public page (lib/content/public-pages.ts); above 50,000, an index of the parts. */
export function GET() {
  return xmlResponse(sitemapDocument(publicPages()))
}
