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

export function publicationTime(doc: Publishable): Date {
  return new Date(doc.publishAt ?? doc.date)
}

export function publicationState(doc: Publishable, now: Date = new Date()): PublicationState {
  if (doc.draft === true) return 'draft'
  return publicationTime(doc).getTime() <= now.getTime() ? 'published' : 'scheduled'
}

export function isPublished(doc: Publishable, now: Date = new Date()): boolean {
  return publicationState(doc, now) === 'published'
}
