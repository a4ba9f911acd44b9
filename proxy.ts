import { NextResponse, type NextRequest } from 'next/server'

/**
 * Turns away requests that could never be right before they reach the router, with a 400
 * rather than the 500 the framework would give:
 * - content URLs no slug could match: a malformed escape (`/reviews/%ZZ`), a NUL byte, or a
 *   kilobyte-long slug (incremental regeneration would try to cache a page under that name);
 * - form posts whose body is not a readable form (the signup form posts multipart data).
 */
const MAX_SEGMENT = 200

function badPath(pathname: string): boolean {
  try {
    const decoded = decodeURIComponent(pathname)
    return decoded.includes('\0') || decoded.split('/').some((segment) => segment.length > MAX_SEGMENT)
  } catch {
    return true
  }
}

async function badForm(request: NextRequest): Promise<boolean> {
  const type = request.headers.get('content-type') ?? ''
  if (request.method !== 'POST' || !/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) return false
  try {
    await request.clone().formData()
    return false
  } catch {
    return true
  }
}

export async function proxy(request: NextRequest) {
  if (!badPath(request.nextUrl.pathname) && !(await badForm(request))) return NextResponse.next()
  return new NextResponse('Bad request: the site cannot read this request.\n', {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}

export const config = {
  // Content routes, and the pages that carry the signup form.
  matcher: ['/', '/newsletter', '/reviews/:path*', '/critics/:path*', '/films/:path*', '/genres/:path*', '/issues/:path*'],
}
