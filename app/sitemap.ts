import type { MetadataRoute } from 'next'
import { publicPages } from '@/lib/content/public-pages'
import { absoluteUrl } from '@/lib/site'

export const revalidate = 30

export default function sitemap(): MetadataRoute.Sitemap {
  return publicPages().map(({ path, lastModified }) => ({ url: absoluteUrl(path), lastModified }))
}
