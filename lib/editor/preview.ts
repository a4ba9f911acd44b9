export const PREVIEWED = {
  reviews: 'reviews',
  films: 'films',
  critics: 'critics',
  issues: 'issues',
} as const
export type Previewed = keyof typeof PREVIEWED

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Where a piece's preview link from the editor leads: the one place that decides it.
 * Reviews (drafts and scheduled ones included) go through a signed preview link in production
 * (lib/preview); under `next dev` straight to the page, with Draft Mode on. Other pieces have no
 * drafts: their page.
 */
export function previewTarget(
  collection: string,
  slug: string,
  mode: { dev: boolean; secret: string | undefined },
):
  | { kind: 'page'; url: string; draft: boolean }
  | { kind: 'link'; slug: string; secret: string }
  | { kind: 'off' }
  | undefined {
  if (!(collection in PREVIEWED) || !SLUG.test(slug)) return undefined
  const page = `/${PREVIEWED[collection as Previewed]}/${slug}`
  if (collection !== 'reviews' || mode.dev)
    return { kind: 'page', url: page, draft: collection === 'reviews' }
  if (!mode.secret) return { kind: 'off' }
  // A share link for this piece alone, recorded like every other (lib/preview/links.ts).
  return { kind: 'link', slug, secret: mode.secret }
}
