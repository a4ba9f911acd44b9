import { NextResponse, type NextRequest } from 'next/server'
import { isFormType } from './lib/security/form'
import { withNonce } from './lib/security/nonce'

/**
 * Runs before the router on every page and route request, in two steps: a form post whose body
 * is not a readable form is refused with a 400 (Next would answer a 500; everything that can be
 * told from the request line and headers is refused earlier, by lib/security/request-guard.ts),
 * then pages rendered per request get their script nonce (lib/security/nonce.ts).
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

export const config = {
  // Every page and route response; not built or public files, nor the preview switch.
  matcher: ['/((?!_next/|images/|pagefind/|api/).*)'],
}
