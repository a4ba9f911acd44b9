/**
 * The one content boundary: the only module that imports contentlayer/generated.
 * Everything public goes through `isPublished`, so no surface can disagree.
 */
import { allCritics, allFilms, allIssues, allReviews } from 'contentlayer/generated'
import type { Critic, Film, Issue, Review } from 'contentlayer/generated'
import {
  isPublished,
  publicationState,
  publicationTime,
  publicFilmSlugs,
} from '@/lib/content/publication.mjs'
import { stills } from '@/lib/content/mdx-text'

export type { Critic, Film, Issue, Review }
export type { PublicationState } from '@/lib/content/publication.mjs'
export { publishedOn } from '@/lib/content/publication.mjs'

type Options = { preview?: boolean; now?: Date }

const newestFirst = (a: Review, b: Review) =>
  publicationTime(b).getTime() - publicationTime(a).getTime() || a.slug.localeCompare(b.slug)

function bySlug<T extends { slug: string }>(docs: T[], kind: string) {
  const map = new Map(docs.map((d) => [d.slug, d]))
  return (slug: string): T => {
    const doc = map.get(slug)
    if (!doc) throw new Error(`Unknown ${kind} "${slug}" (the content check should have caught this)`)
    return doc
  }
}

export const filmOf = bySlug(allFilms, 'film')
export const criticOf = bySlug(allCritics, 'critic')
export const issueOf = bySlug(allIssues, 'issue')

export function getPublishedReviews(now: Date = new Date()): Review[] {
  return allReviews.filter((r) => isPublished(r, now)).sort(newestFirst)
}

/** Drafts and scheduled pieces, for editors previewing. */
export function getUnpublishedReviews(now: Date = new Date()): Review[] {
  return allReviews.filter((r) => !isPublished(r, now)).sort(newestFirst)
}

export function getReview(slug: string, { preview = false, now = new Date() }: Options = {}) {
  const review = allReviews.find((r) => r.slug === slug)
  if (!review) return undefined
  return preview || isPublished(review, now) ? review : undefined
}

export function reviewState(review: Review, now: Date = new Date()) {
  return publicationState(review, now)
}

export function getFilm(slug: string): Film | undefined {
  return allFilms.find((f) => f.slug === slug)
}

/** The films readers can see (one of their reviews is published), in title order. */
export function getPublicFilms(now: Date = new Date()): Film[] {
  const slugs = publicFilmSlugs(allReviews, now)
  return allFilms.filter((f) => slugs.has(f.slug)).sort((a, b) => a.title.localeCompare(b.title))
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
  return allCritics.find((c) => c.slug === slug)
}

export function getCritics(): Critic[] {
  return [...allCritics].sort((a, b) => a.name.localeCompare(b.name))
}

export function getIssue(slug: string): Issue | undefined {
  return allIssues.find((i) => i.slug === slug)
}

/** Print issues already on sale, newest first. */
export function getIssues(now: Date = new Date()): Issue[] {
  return allIssues
    .filter((i) => new Date(i.onSale).getTime() <= now.getTime())
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
  return [...counts].map(([slug, count]) => ({ slug, count })).sort((a, b) => a.slug.localeCompare(b.slug))
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
const [imageReleases, imageShownBy] = (() => {
  const releases = new Map<string, number>()
  const shownBy = new Map<string, Set<string>>()
  for (const review of allReviews) {
    const at = review.draft ? Infinity : publicationTime(review).getTime()
    const images = [review.hero.src, ...stills(review.body.raw).map((s) => s.attributes.src)]
    for (const src of images) {
      if (!src) continue
      releases.set(src, Math.min(at, releases.get(src) ?? Infinity))
      shownBy.set(src, (shownBy.get(src) ?? new Set()).add(review.slug))
    }
  }
  return [releases, shownBy] as const
})()

/** Whether the review `slug` shows the image `src` (its hero or an inline still). */
export const isImageOf = (src: string, slug: string): boolean =>
  imageShownBy.get(src)?.has(slug) ?? false

/** Whether readers may see an image under public/: false while only unpublished pieces show it. */
export function isImagePublic(src: string, now: Date = new Date()): boolean {
  const release = imageReleases.get(src)
  return release === undefined || release <= now.getTime()
}
