export const PREVIEWED = {
  reviews: 'reviews',
  films: 'films',
  critics: 'critics',
  issues: 'issues',
} as const
export type Previewed = keyof typeof PREVIEWED

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Keystatic's preview link for a collection: the route below decides where it leads. */
export const editorPreviewUrl = (collection: Previewed) =>
  `/api/keystatic/preview/${collection}/{slug}`

/**
 * Where a piece's preview link from the editor leads: the one place that decides it.
 * Under `next dev`, a review opens straight away with Draft Mode on. In production a review
 * (drafts and scheduled ones included) opens through the desk's Preview, which asks for the
 * editor's staff sign-in and shows what a signed-in editor may see (docs/staff.md). Films,
 * critics and issues have no drafts: their page.
 */
export function previewTarget(
  collection: string,
  slug: string,
  dev: boolean,
): { url: string; draft: boolean } | undefined {
  if (!(collection in PREVIEWED) || !SLUG.test(slug)) return undefined
  if (collection !== 'reviews') return { url: `/${collection}/${slug}`, draft: false }
  if (dev) return { url: `/reviews/${slug}`, draft: true }
  return { url: `/api/staff/preview?slug=${slug}`, draft: false }
}
