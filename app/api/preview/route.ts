import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { services } from '@/lib/services'
import { env } from '@/lib/env'
import { LINK_COOKIE } from '@/lib/preview/access'
import { DRAFT_MODE_COOKIE } from '@/lib/preview/draft-mode.mjs'
import { liveLink } from '@/lib/preview/links'
import { checkPreview, linkCookieValue, previewRefusals } from '@/lib/preview/signed-link'
import { refusalPage } from '@/lib/security/refusal-page'

export const dynamic = 'force-dynamic'

// Browsers keep Secure cookies over plain HTTP only on these.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Opens a share link: checks its signature, then its record (revoked links stop here), turns on
 * Draft Mode and names the link in a second signed cookie; both cookies end when the link does.
 */
export async function GET(request: NextRequest) {
  const check = checkPreview(request.nextUrl.searchParams, env.PREVIEW_SECRET)
  if (!check.ok) {
    const { title, detail } = previewRefusals[check.reason]
    return refusalPage(check.status, title, detail)
  }
  const link = await liveLink(await services().database(), check.id, check.slug)
  if (!link) {
    const { title, detail } = previewRefusals.revoked
    return refusalPage(403, title, detail)
  }
  const maxAge = Math.max(1, Math.floor((link.expiresAt.getTime() - Date.now()) / 1000))
  ;(await draftMode()).enable()
  const jar = await cookies()
  const bypass = jar.get(DRAFT_MODE_COOKIE)
  // Next's own cookie lasts the browser session: given the link's lifetime too.
  if (bypass) jar.set({ ...bypass, maxAge })
  jar.set(LINK_COOKIE, linkCookieValue(link.id, link.slug, check.exp, env.PREVIEW_SECRET!), {
    httpOnly: true,
    sameSite: 'lax',
    secure: !LOCAL_HOSTS.has(request.nextUrl.hostname),
    path: '/',
    maxAge,
  })
  redirect(`/reviews/${link.slug}`)
}
