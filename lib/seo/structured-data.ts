import type { Crumb } from '@/lib/seo/breadcrumbs'
import { publishedOn, type Critic, type Film, type Review } from '@/lib/content'
import { reviewModified } from '@/lib/content/last-modified'
import { absoluteUrl, site } from '@/lib/site'

/**
 * Schema.org JSON-LD, one @graph per page: the WebSite and its publisher always, the page's
 * breadcrumb trail, and on reviews a Review of a Movie by a Person.
 */
type Node = Record<string, unknown>

const websiteId = absoluteUrl('/#website')
const publisherId = absoluteUrl('/#publisher')

export function websiteNodes(): Node[] {
  return [
    {
      '@type': 'WebSite',
      '@id': websiteId,
      url: absoluteUrl('/'),
      name: site.name,
      description: site.description,
      inLanguage: site.locale,
      publisher: { '@id': publisherId },
    },
    {
      '@type': 'Organization',
      '@id': publisherId,
      name: site.name,
      legalName: site.publisher.name,
      url: absoluteUrl('/'),
      logo: { '@type': 'ImageObject', url: absoluteUrl(site.publisher.logo) },
    },
  ]
}

export function breadcrumbNode(crumbs: Crumb[]): Node {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absoluteUrl(c.href),
    })),
  }
}

export function criticNode(critic: Critic): Node {
  return {
    '@type': 'Person',
    '@id': absoluteUrl(`${critic.url}#person`),
    name: critic.name,
    url: absoluteUrl(critic.url),
    description: critic.bio,
  }
}

export function movieNode(film: Film, image?: string): Node {
  return {
    '@type': 'Movie',
    name: film.title,
    dateCreated: String(film.year),
    director: film.directors.map((name) => ({ '@type': 'Person', name })),
    actor: film.cast.map((c) => ({
      '@type': 'PerformanceRole',
      actor: { '@type': 'Person', name: c.name },
      characterName: c.character,
    })),
    duration: `PT${film.runtime}M`,
    countryOfOrigin: film.countries.map((name) => ({ '@type': 'Country', name })),
    inLanguage: film.languages,
    contentRating: `BBFC ${film.certificate}`,
    ...(image ? { image } : {}),
  }
}

export function reviewNode(review: Review, film: Film, critic: Critic): Node {
  const url = absoluteUrl(review.url)
  const image = absoluteUrl(review.hero.src)
  return {
    '@type': 'Review',
    '@id': `${url}#review`,
    url,
    name: review.headline,
    headline: review.headline,
    description: review.standfirst,
    datePublished: publishedOn(review),
    dateModified: reviewModified(review),
    inLanguage: site.locale,
    image,
    wordCount: review.wordCount,
    keywords: review.genres.join(', '),
    author: criticNode(critic),
    publisher: { '@id': publisherId },
    isPartOf: { '@id': websiteId },
    itemReviewed: movieNode(film, image),
  }
}

/** Serialises for a <script> tag: no content can close the tag or open a comment. */
export function serializeJsonLd(nodes: Node[]): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': nodes })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
