import { NextResponse, type NextRequest } from 'next/server'
import { isFormType } from './lib/security/form'
import { withNonce } from './lib/security/nonce'

/**
 * Runs before the router, in two steps: a form post whose body is not a readable form is refused
 * with a 400 (Next would answer a 500; everything that can be told from the request line and
 * headers is refused earlier, by lib/security/request-guard.ts), then pages rendered per request
 * get their script nonce (lib/security/nonce.ts). Only requests that can need either step reach
 * it (the matcher below): a reader's plain GET of a cached page does not.
 */
async function unreadableForm(request: NextRequest): Promise<boolean> {
  if (request.method !== 'POST' || !isFormType(request.headers.get('content-type'))) return false
  try {
    await request.clone().formData()
    return false
  } catch {
    return true
  }
}

export async function proxy(request: NextRequest) {
  if (await unreadableForm(request)) {
    return new NextResponse('Bad request: the site cannot read this form.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
  return withNonce(request)
}

/**
 * Which requests run the proxy. Running it cost Next over a quarter of its throughput on cached
 * pages (445 against 608 requests a second, docs/benchmarks.md), so it runs only where a step
 * applies: any request with a body type (a form post: the first step) or a Draft Mode cookie (a
 * preview), and the paths the policy table renders per request (`perRequestPaths` in
 * lib/security/policy.mjs; lib/security/proxy-matcher.test.ts holds the two together). Built and public files, the
 * preview switch and other routes under /api/ never. Next reads this as literals at build time.
 */
export const config = {
  matcher: [
    {
      source: '/((?!_next/|images/|pagefind/|api/).*)',
      has: [{ type: 'header', key: 'content-type' }],
    },
    {
      source: '/((?!_next/|images/|pagefind/|api/).*)',
      // DRAFT_MODE_COOKIE (lib/preview/draft-mode.ts): Next reads the matcher as a literal.
      has: [{ type: 'cookie', key: '__prerender_bypass' }],
    },
    '/search',
    '/newsletter/confirm',
    '/newsletter/unsubscribe',
    '/staff/:path*',
    '/keystatic/:path*',
  ],
}
