import { isImageOf } from '@/lib/content'
import { services } from '@/lib/services'
import { env } from '@/lib/env'
import { readRoster, may } from '@/lib/staff/roster'
import { staffMember } from '@/lib/staff/session'
import { LINK_COOKIE } from './access'
import { liveLink } from './links'
import { readLinkCookie } from './signed-link'

const cookieIn = (header: string, name: string) =>
  new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(header)?.[1]

/**
 * Whether a browser in preview may see an image only unpublished pieces show, as it may see the
 * pages (lib/preview/access.ts): its share link is live and its piece shows the image, or it is
 * an editor signed in to the staff pages. Any failure answers no.
 */
export async function mayPreviewImage(cookieHeader: string, src: string): Promise<boolean> {
  try {
    const named = readLinkCookie(cookieIn(cookieHeader, LINK_COOKIE), env.PREVIEW_SECRET)
    if (named && isImageOf(src, named.slug)) {
      if (await liveLink(await services().database(), named.id, named.slug)) return true
    }
    const auth = services().staffAuth()
    if (!auth) return false
    const staff = await staffMember(auth, new Headers({ cookie: cookieHeader }), () => readRoster())
    return staff !== undefined && may.desk(staff.role)
  } catch (error) {
    console.error('preview: could not tell whether an embargoed image may be shown', error)
    return false
  }
}
