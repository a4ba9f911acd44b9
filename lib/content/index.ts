/**
 * The one content boundary: the only module that reads what Contentlayer generates (next.config's
 * redirects aside). Everything public goes through `isPublished`, so no surface can disagree.
 */
import { statSync } from 'node:fs'
import type { Critic, Film, Issue, Review } from 'contentlayer/generated'
import {
  isPublished,
  publicationState,
  publicationTime,
  publicFilmSlugs,
} from '@/lib/content/publication.mjs'
import { stills } from '@/lib/content/mdx-text'
import { collectionFile, readCollection } from '@/lib/content/generated.mjs'

export type { Critic, Film, Issue, Review }
export type { PublicationState } from '@/lib/content/publication.mjs'
export { publishedOn } from '@/lib/content/publication.mjs'

type Collections = { reviews: Review[]; films: Film[]; critics: Critic[]; issues: Issue[] }

/**
 * Contentlayer's JSON, read and parsed when first asked for, once per server process. Not
 * imported: a bundler turns imported JSON into a JavaScript literal, one copy in each kind of
 * bundle (pages, route handlers), each copy of the archive as code that a fresh server took
 * seconds to evaluate on its first request (docs/benchmarks.md). `JSON.parse` reads the same far
 * faster, and the copy is shared (globalThis) by every bundle in the process. Under
 * `next dev` the files are read again whenever `contentlayer2 dev` rewrites them.
 */
const files = { reviews: 'Review', films: 'Film', critics: 'Critic', issues: 'Issue' } as const
const shared = globalThis as { intertitleContent?: { stamp: string; collections: Collections } }

function collections(): Collections {
  const held = shared.intertitleContent
  if (held && process.env.NODE_ENV === 'production') return held.collections
  try {
    const stamp = Object.values(files)
      .map((type) => statSync(collectionFile(type)).mtimeMs)
      .join()
    if (held?.stamp === stamp) return held.collections
    const read = (type: string) => readCollection(type) as never
    const fresh: Collections = {
      reviews: read(files.reviews),
      films: read(files.films),
      critics: read(files.critics),
      issues: read(files.issues),
    }
    shared.intertitleContent = { stamp, collections: fresh }
    return fresh
  } catch (error) {
    // Caught mid-rewrite by `contentlayer2 dev` (a file gone or half written): what was read last.
    if (held) return held.collections
    throw error
  }
}

/** A value worked out from the collections, again only when they have been read anew. */
function derived<T>(work: (c: Collections) => T): () => T {
  let from: Collections | undefined
  let value: T
  return () => {
    const c = collections()
    if (c !== from) [from, value] = [c, work(c)]
    return value
  }
}

type Options = { preview?: boolean; now?: Date }

/**
 * Every review, newest first, sorted once per read of the collection: which of them are public
 * depends on the time, their order does not. Sorting on each call cost an archive of 20,000 reviews
 * ~500,000 date parses (~0.2 s here) each time, several times for every page rendered.
 */
const newestFirst = derived(({ reviews }) =>
  reviews
    .map((review) => ({ review, at: publicationTime(review).getTime() }))
    .sort((a, b) => b.at - a.at || a.review.slug.localeCompare(b.review.slug))
    .map(({ review }) => review),
)

function bySlug<K extends 'films' | 'critics' | 'issues'>(kind: K) {
  const map = derived((c) => new Map(c[kind].map((d) => [d.slug, d] as const)))
  return (slug: string): Collections[K][number] => {
    const doc = map().get(slug)
    if (!doc)
      throw new Error(`Unknown ${kind} "${slug}" (the content check should have caught this)`)
    return doc
  }
}

export const filmOf = bySlug('films')
export const criticOf = bySlug('critics')
export const issueOf = bySlug('issues')

export function getPublishedReviews(now: Date = new Date()): Review[] {
  return newestFirst().filter((r) => isPublished(r, now))
}

/** Drafts and scheduled pieces, for editors previewing. */
export function getUnpublishedReviews(now: Date = new Date()): Review[] {
  return newestFirst().filter((r) => !isPublished(r, now))
}

export function getReview(slug: string, { preview = false, now = new Date() }: Options = {}) {
  const review = collections().reviews.find((r) => r.slug === slug)
  if (!review) return undefined
  return preview || isPublished(review, now) ? review : undefined
}

/** A piece a share link may open: one that exists and that readers cannot see yet. */
export function getUnpublishedReview(slug: string, now: Date = new Date()): Review | undefined {
  const review = getReview(slug, { preview: true, now })
  return review && !isPublished(review, now) ? review : undefined
}

export function reviewState(review: Review, now: Date = new Date()) {
  return publicationState(review, now)
}

export function getFilm(slug: string): Film | undefined {
  return collections().films.find((f) => f.slug === slug)
}

/** The films readers can see (one of their reviews is published), in title order. */
export function getPublicFilms(now: Date = new Date()): Film[] {
  const { reviews, films } = collections()
  const slugs = publicFilmSlugs(reviews, now)
  return films.filter((f) => slugs.has(f.slug)).sort((a, b) => a.title.localeCompare(b.title))
}

/** A public film with its published reviews, newest first; undefined for any other slug. */
export function getPublicFilm(
  slug: string,
  now: Date = new Date(),
): { film: Film; reviews: Review[] } | undefined {
  const film = getFilm(slug)
  const reviews = film ? getReviewsWhere((r) => r.film === film.slug, now) : []
  return film && reviews.length > 0 ? { film, reviews } : undefined
}

export function getCritic(slug: string): Critic | undefined {
  return collections().critics.find((c) => c.slug === slug)
}

export function getCritics(): Critic[] {
  return [...collections().critics].sort((a, b) => a.name.localeCompare(b.name))
}

export function getIssue(slug: string): Issue | undefined {
  return collections().issues.find((i) => i.slug === slug)
}

/** Print issues already on sale, newest first. */
export function getIssues(now: Date = new Date()): Issue[] {
  return collections()
    .issues.filter((i) => new Date(i.onSale).getTime() <= now.getTime())
    .sort((a, b) => b.number - a.number)
}

/** An issue readers can see (on sale); undefined for one not yet on sale or unknown. */
export function getIssueOnSale(slug: string, now: Date = new Date()): Issue | undefined {
  return getIssues(now).find((i) => i.slug === slug)
}

export function getCurrentIssue(now: Date = new Date()): Issue | undefined {
  return getIssues(now)[0]
}

export function getReviewsWhere(predicate: (r: Review) => boolean, now?: Date): Review[] {
  return getPublishedReviews(now).filter(predicate)
}

export function getGenres(now?: Date): { slug: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const r of getPublishedReviews(now)) {
    for (const g of r.genres) counts.set(g, (counts.get(g) ?? 0) + 1)
  }
  return [...counts]
    .map(([slug, count]) => ({ slug, count }))
    .sort((a, b) => a.slug.localeCompare(b.slug))
}

/** Other reviews of the same film first, then the same critic or shared genres. */
export function getRelatedReviews(review: Review, limit = 3, now?: Date): Review[] {
  const score = (r: Review) =>
    (r.film === review.film ? 4 : 0) +
    (r.critic === review.critic ? 1 : 0) +
    r.genres.filter((g) => review.genres.includes(g)).length
  return getPublishedReviews(now)
    .filter((r) => r.slug !== review.slug)
    .map((r) => ({ r, s: score(r) }))
    .filter(({ s }) => s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map(({ r }) => r)
}

/**
 * When each image a review shows becomes public: the earliest publication time of a piece that
 * shows it (hero or inline still), never for one shown only by drafts. Images no review shows
 * (covers, the brand) are not listed: they are always public.
 */
const images = derived(({ reviews }) => {
  const releases = new Map<string, number>()
  const shownBy = new Map<string, Set<string>>()
  for (const review of reviews) {
    const at = review.draft ? Infinity : publicationTime(review).getTime()
    const images = [review.hero.src, ...stills(review.body.raw).map((s) => s.attributes.src)]
    for (const src of images) {
      if (!src) continue
      releases.set(src, Math.min(at, releases.get(src) ?? Infinity))
      shownBy.set(src, (shownBy.get(src) ?? new Set()).add(review.slug))
    }
  }
  return { releases, shownBy }
})

/** Whether the review `slug` shows the image `src` (its hero or an inline still). */
export const isImageOf = (src: string, slug: string): boolean =>
  images().shownBy.get(src)?.has(slug) ?? false

/** Whether readers may see an image under public/: false while only unpublished pieces show it. */
export function isImagePublic(src: string, now: Date = new Date()): boolean {
  const release = images().releases.get(src)
  return release === undefined || release <= now.getTime()
}
