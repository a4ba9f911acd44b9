import { cookies, draftMode } from 'next/headers'
import { cache } from 'react'
import { services } from '@/lib/services'
import { env } from '@/lib/env'
import { liveLink } from './links'
import { may } from '@/lib/staff/roster'
import { readLinkCookie } from './signed-link'

/** The cookie naming the share link this browser opened (Draft Mode's own cookie says only "on"). */
export const LINK_COOKIE = 'intertitle_preview_link'

/**
 * What this request may preview. Draft Mode on its own opens nothing: it must come with a link
 * cookie signed by this server whose link is still on record, unrevoked and unexpired, and then
 * it opens that link's piece alone; or with the session of an editor signed in to the staff pages
 * (every unpublished piece). `stale` means preview cookies are present but open nothing:
 * the page sends the browser through /api/preview/exit to clear them.
 */
export type PreviewAccess =
  | { scope: 'none' }
  | { scope: 'stale' }
  | { scope: 'piece'; slug: string; linkId: string; expires: Date }
  /** Every unpublished piece: what signed-in editors get. */
  | { scope: 'all' }

export const previewAccess = cache(async (): Promise<PreviewAccess> => {
  // Asked first, and cookies only read in Draft Mode: reading them would make every cached page dynamic.
  if (!(await draftMode()).isEnabled) return { scope: 'none' }
  const named = readLinkCookie((await cookies()).get(LINK_COOKIE)?.value, env.PREVIEW_SECRET)
  const link = named && (await liveLink(await services().database(), named.id, named.slug))
  if (link) return { scope: 'piece', slug: link.slug, linkId: link.id, expires: link.expiresAt }
  // No live link: a signed-in editor previews everything (loaded only here, in Draft Mode).
  const { currentStaff } = await import('@/lib/staff/session')
  const staff = await currentStaff()
  return staff && may.desk(staff.role) ? { scope: 'all' } : { scope: 'stale' }
})

/** Whether this request may see the unpublished piece `slug`. */
export function mayPreview(access: PreviewAccess, slug: string): boolean {
  return access.scope === 'all' || (access.scope === 'piece' && access.slug === slug)
}

/** Where a page sends a browser whose preview cookies open nothing: they are cleared, then `path` again. */
export const clearPreviewPath = (path: string) =>
  `/api/preview/exit?${new URLSearchParams({ next: path })}`
