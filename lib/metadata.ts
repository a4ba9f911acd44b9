import type { Metadata } from 'next'
import { absoluteUrl, site } from '@/lib/site'

type PageMeta = {
  title: string
  description: string
  /** Site-relative path; the canonical is built from the site config, never from the request. */
  path: string
  image?: { src: string; alt: string }
  article?: { publishedTime: string; modifiedTime?: string; authors: string[]; section?: string; tags?: string[] }
  noindex?: boolean
}

/** The one metadata helper every page uses. */
export function pageMetadata({ title, description, path, image, article, noindex }: PageMeta): Metadata {
  const url = absoluteUrl(path)
  const images = image ? [{ url: absoluteUrl(image.src), alt: image.alt }] : undefined
  return {
    title,
    description,
    alternates: { canonical: url },
    robots: noindex ? { index: false, follow: false } : undefined,
    openGraph: {
      title,
      description,
      url,
      siteName: site.name,
      locale: site.locale.replace('-', '_'),
      ...(images ? { images } : {}),
      ...(article
        ? {
            type: 'article',
            publishedTime: article.publishedTime,
            modifiedTime: article.modifiedTime,
            authors: article.authors,
            section: article.section,
            tags: article.tags,
          }
        : { type: 'website' }),
    },
    twitter: { card: 'summary_large_image', title, description },
  }
}
