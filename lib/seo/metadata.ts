import type { Metadata } from 'next'
import { feedFiles, feedUrl, siteFeed, type FeedFormat, type FeedSpec } from '@/lib/feeds/links'
import { absoluteUrl, site } from '@/lib/site'

type PageMeta = {
  title: string
  description: string
  /** Site-relative path; the canonical is built from the site config, never from the request. */
  path: string
  /**
   * The link-card image: a file, or `route` where the route draws its own with an opengraph-image
   * file (reviews), which X's card uses too, described by `alt`. Unset: the site's card.
   */
  image?: { src: string; alt: string } | { route: true; alt: string }
  article?: {
    publishedTime: string
    modifiedTime?: string
    authors: string[]
    section?: string
    tags?: string[]
  }
  noindex?: boolean
  /** Extra feeds to advertise beside the site's own, e.g. a critic's. */
  feeds?: Pick<FeedSpec, 'title' | 'basePath'>[]
}

function feedLinks(feeds: Pick<FeedSpec, 'title' | 'basePath'>[]) {
  const formats = Object.keys(feedFiles) as FeedFormat[]
  return Object.fromEntries(
    formats.map((format) => [
      feedFiles[format].type,
      feeds.map((f) => ({ url: absoluteUrl(feedUrl(f.basePath, format)), title: f.title })),
    ]),
  )
}

/**
 * The head of a 404, however it came about: an address no route matches (the not-found pages) or
 * a page asked for something that is not there (its metadata, which Next renders beside the 404).
 * Next adds the `noindex` itself, from the status.
 */
export const notFoundMetadata: Metadata = { title: 'Page not found' }

/** The one metadata helper every page uses. */
export function pageMetadata({
  title,
  description,
  path,
  image,
  article,
  noindex,
  feeds = [],
}: PageMeta): Metadata {
  const url = absoluteUrl(path)
  // A route's own card (app/reviews/[slug]/opengraph-image.tsx, which lives outside the page's
  // route group to keep its plain URL, so Next does not link it by itself); pages without a card
  // of their own share the site's, drawn by app/opengraph-image.tsx.
  const images =
    image && 'route' in image
      ? [
          {
            url: absoluteUrl(`${path}/opengraph-image`),
            width: 1200,
            height: 630,
            type: 'image/png',
            alt: image.alt,
          },
        ]
      : image
        ? [{ url: absoluteUrl(image.src), alt: image.alt }]
        : [
            {
              url: absoluteUrl('/opengraph-image'),
              width: 1200,
              height: 630,
              alt: `${site.name}: ${site.tagline}`,
            },
          ]
  return {
    title,
    description,
    alternates: { canonical: url, types: feedLinks([siteFeed, ...feeds]) },
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
    // X's card is the Open Graph one (one image to draw, not two). X reads its own alt tag
    // (twitter:image:alt), not og:image:alt.
    twitter: {
      card: 'summary_large_image',
      title,
      description,
      images: images.map(({ url, alt }) => ({ url, alt })),
    },
  }
}
