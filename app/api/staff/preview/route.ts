import { cookies, draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { getReview } from '@/lib/content'
import { plain } from '@/lib/http'
import { LINK_COOKIE } from '@/lib/preview/access'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

export const dynamic = 'force-dynamic'

/**
 * The desk's Preview: turns on Draft Mode for a signed-in editor and opens the piece. What it
 * shows is decided on every request by the editor's session (lib/preview/access.ts), so signing
 * out ends it; a share link's cookie is dropped so that it does not narrow the view.
 */
export async function GET(request: NextRequest) {
  await requireStaff(may.desk)
  const slug = request.nextUrl.searchParams.get('slug') ?? ''
  if (!/^[a-z0-9-]{1,200}$/.test(slug) || !getReview(slug, { preview: true }))
    return plain(404, 'No such review')
  ;(await draftMode()).enable()
  ;(await cookies()).delete(LINK_COOKIE)
  redirect(`/reviews/${slug}`)
}
