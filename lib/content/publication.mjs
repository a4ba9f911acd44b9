/**
 * The publication rule, in one place. Every public surface (pages, listings, feeds,
 * sitemap, OG images, search, static params) asks this and nothing else.
 */
export type Publishable = {
  draft?: boolean
  date: string
  publishAt?: string
}

export type PublicationState = 'draft' | 'scheduled' | 'published'

/** When a piece goes (or went) public, as written in its frontmatter: `publishAt`, else `date`. */
export function publishedOn(doc: Publishable): string {
  return doc.publishAt ?? doc.date
}

export function publicationTime(doc: Publishable): Date {
  return new Date(publishedOn(doc))
}

export function publicationState(doc: Publishable, now: Date = new Date()): PublicationState {
  if (doc.draft === true) return 'draft'
  return publicationTime(doc).getTime() <= now.getTime() ? 'published' : 'scheduled'
}

export function isPublished(doc: Publishable, now: Date = new Date()): boolean {
  return publicationState(doc, now) === 'published'
}

/** A film is public when one of its reviews is: the slugs of those films. */
export function publicFilmSlugs(
  reviews: Iterable<Publishable & { film: string }>,
  now: Date = new Date(),
): Set<string> {
  const films = new Set<string>()
  for (const review of reviews) if (isPublished(review, now)) films.add(review.film)
  return films
}
