import { plain, seeOther } from '@/lib/http'
import { DRAFT_MODE_COOKIE } from '@/lib/preview/draft-mode.mjs'
import { services } from '@/lib/services'

export const dynamic = 'force-dynamic'

/**
 * Sign out (the staff bar's button, a plain form post): Better Auth deletes the session and its
 * cookie; Draft Mode's cookie goes too. A post without this site's Origin never gets here: the
 * front door refuses it (lib/front-door/refusal.mjs).
 */
export async function POST(request: Request) {
  const auth = services().staffAuth()
  if (!auth) return plain(404, 'Not found')
  const result = await auth.api.signOut({ headers: request.headers, asResponse: true })
  if (!result.ok) return plain(result.status, 'Sign-out was refused.')
  const response = seeOther('/staff/sign-in?signed-out=1')
  for (const cookie of result.headers.getSetCookie()) response.headers.append('set-cookie', cookie)
  response.headers.append('set-cookie', `${DRAFT_MODE_COOKIE}=; Path=/; Max-Age=0; HttpOnly`)
  return response
}
