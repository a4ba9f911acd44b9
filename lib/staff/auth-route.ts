import { plain } from '@/lib/http'
import { clientIp } from '@/lib/security/client-address'
import { CLIENT_IP_HEADER, STAFF_AUTH_PATH, type StaffAuth } from './auth'

/**
 * The Better Auth endpoints the site answers over HTTP, as `METHOD path`: the emailed link's
 * verification alone. Asking for a link goes through the sign-in form (its limits, its bounds on
 * the address), signing out through /api/staff/sign-out (its origin check), and sessions are read
 * on the server; every other endpoint Better Auth has, or adds in a later release, is a 404.
 */
export const EXPOSED_AUTH_ENDPOINTS: ReadonlySet<string> = new Set(['GET /magic-link/verify'])

/**
 * Answers a request under STAFF_AUTH_PATH: an exposed endpoint through Better Auth (with the
 * client's address as the site tells it, for Better Auth's limiter), anything else, or anything
 * with staff sign-in off, a 404.
 */
export async function answerStaffAuth(
  auth: StaffAuth | undefined,
  request: Request,
  trustedProxies: number,
): Promise<Response> {
  const path = new URL(request.url).pathname.slice(STAFF_AUTH_PATH.length)
  if (!auth || !EXPOSED_AUTH_ENDPOINTS.has(`${request.method} ${path}`))
    return plain(404, 'Not found')
  const headers = new Headers(request.headers)
  headers.set(CLIENT_IP_HEADER, clientIp(request.headers.get('x-forwarded-for'), trustedProxies))
  return auth.handler(new Request(request.url, { method: request.method, headers }))
}
