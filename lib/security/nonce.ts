import { NextResponse, type NextRequest } from 'next/server'
import { DRAFT_MODE_COOKIE, isDraftModeCookie } from '@/lib/preview/draft-mode'
import { THEME_SCRIPT } from '@/lib/theme'
import { basePolicy, CSP, hashSource, requestKind, responses, scriptPolicyFor } from './policy.mjs'

const THEME_SCRIPT_HASH = hashSource(THEME_SCRIPT)

/**
 * The nonce step. A page the table renders per request (search, a form's answer, a preview, a
 * staff page) has no cache entry to carry its script policy, so its scripts get a fresh nonce:
 * Next reads it from the request's policy and puts it on each script it writes. The theme
 * script, ours, is allowed by its hash. Other requests go on untouched.
 */
export function withNonce(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl
  const kind = requestKind({
    pathname,
    method: request.method,
    draftMode: isDraftModeCookie(request.cookies.get(DRAFT_MODE_COOKIE)?.value),
  })
  if (responses[kind].scripts !== 'nonce' || process.env.NODE_ENV === 'development')
    return NextResponse.next()
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const script = scriptPolicyFor(kind, { nonce, pathname }).replace(
    'script-src',
    `script-src ${THEME_SCRIPT_HASH}`,
  )
  const policy = `${basePolicy}; ${script}`
  const headers = new Headers(request.headers)
  headers.set(CSP, policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set(CSP, policy)
  return response
}
