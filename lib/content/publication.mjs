// @ts-check
/**
 * The publication rule, in one place. Every public surface (pages, listings, feeds,
 * sitemap, OG images, search, static params) asks this and nothing else. Plain JavaScript so
 * that next.config.mjs can use it too: a config in TypeScript makes the server load Next's
 * compiler for the life of the server, only to read the config (docs/decisions/0002).
 *
 * @typedef {{ draft?: boolean, date: string, publishAt?: string }} Publishable
 * @typedef {'draft' | 'scheduled' | 'published'} PublicationState
 */

/**
 * When a piece goes (or went) public, as written in its frontmatter: `publishAt`, else `date`.
 * @param {Publishable} doc
 * @returns {string}
 */
export function publishedOn(doc) {
  return doc.publishAt ?? doc.date
}

/**
 * @param {Publishable} doc
 * @returns {Date}
 */
export function publicationTime(doc) {
  return new Date(publishedOn(doc))
}

/**
 * @param {Publishable} doc
 * @param {Date} [now]
 * @returns {PublicationState}
 */
export function publicationState(doc, now = new Date()) {
  if (doc.draft === true) return 'draft'
  return publicationTime(doc).getTime() <= now.getTime() ? 'published' : 'scheduled'
}

/**
 * @param {Publishable} doc
 * @param {Date} [now]
 * @returns {boolean}
 */
export function isPublished(doc, now = new Date()) {
  return publicationState(doc, now) === 'published'
}

/**
 * A film is public when one of its reviews is: the slugs of those films.
 * @param {Iterable<Publishable & { film: string }>} reviews
 * @param {Date} [now]
 * @returns {Set<string>}
 */
export function publicFilmSlugs(reviews, now = new Date()) {
  const films = new Set()
  for (const review of reviews) if (isPublished(review, now)) films.add(review.film)
  return films
}
