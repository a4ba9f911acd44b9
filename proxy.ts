import { NextResponse, type NextRequest } from 'next/server'
import { isFormType } from './lib/front-door/refusal.mjs'
import { hasDraftModeCookie } from './lib/preview/draft-mode.mjs'
import { embargoedImage, unknownImage } from './lib/preview/embargo'

/**
 * Runs before the router, for the two things that need the app's own modules (everything that can
 * be told from the request line and headers is decided earlier, by the front door,
 * lib/front-door/index.mjs):
 * - a form post whose body is not a readable form is refused with a 400 (Next would answer a 500);
 * - an image only unpublished pieces show is, for anyone but a browser allowed to preview its
 *   piece, the answer an unknown image gets (the content decides what is public; the preview
 *   link or the editor's session, in the database, who may see it). The front door sends every
 *   image asked for in preview `private, no-store` (lib/security/policy.mjs).
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

async function mayShow(request: NextRequest, src: string): Promise<boolean> {
  const cookie = request.headers.get('cookie') ?? ''
  if (!hasDraftModeCookie(cookie)) return false
  const { mayPreviewImage } = await import('./lib/preview/image-access')
  return mayPreviewImage(cookie, src)
}

export async function proxy(request: NextRequest) {
  if (await unreadableForm(request)) {
    return new NextResponse('Bad request: the site cannot read this form.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
  const image = embargoedImage(request.nextUrl)
  if (!image) return NextResponse.next()
  if (!(await mayShow(request, image))) return NextResponse.rewrite(unknownImage(request.nextUrl))
  // Shown to its preview as the file itself: the optimiser would fetch it again inside the
  // server, without this browser's cookies, and be refused.
  return request.nextUrl.pathname === '/_next/image'
    ? NextResponse.rewrite(new URL(image, request.nextUrl))
    : NextResponse.next()
}

/**
 * Which requests run the proxy: running it costs Next a quarter of its throughput on cached pages
 * (docs/benchmarks.md), so a reader's plain GET of a page never does. Any request with a body type
 * (a form post), and images, directly or through the optimiser. Next reads this as literals.
 */
export const config = {
  matcher: [
    {
      source: '/((?!_next/|images/|pagefind/|api/).*)',
      has: [{ type: 'header', key: 'content-type' }],
    },
    '/images/:path*',
    '/_next/image',
  ],
}
