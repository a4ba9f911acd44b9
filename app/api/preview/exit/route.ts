import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { LINK_COOKIE } from '@/lib/preview/access'

export const dynamic = 'force-dynamic'

/**
 * Leaves preview: both preview cookies are cleared and the browser sees only what readers see.
 * `next` (a path on this site) is where to go afterwards: pages send a browser here when its
 * link has expired or been revoked.
 */
export async function GET(request: NextRequest) {
  ;(await draftMode()).disable()
  ;(await cookies()).delete(LINK_COOKIE)
  const next = request.nextUrl.searchParams.get('next') ?? '/'
  redirect(/^\/(?![/\\])[^\s]*$/.test(next) ? next : '/')
}
