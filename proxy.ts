import { readFileSync } from 'node:fs'
import path from 'node:path'
import { NextResponse, type NextRequest } from 'next/server'
import { basePolicy, hashSource, scriptPolicy } from './lib/security/content-security-policy.mjs'
import { THEME_SCRIPT } from './lib/theme'

/**
 * Runs before the router on every page and route request. It gives pages rendered per request
 * their script nonce (below), and turns away requests that could never be right, with a 400
 * rather than the 500 the framework would give:
 * - content URLs no slug could match: a malformed escape (`/reviews/%ZZ`), a NUL byte, or a
 *   kilobyte-long slug (incremental regeneration would try to cache a page under that name);
 * - form posts whose body is not a readable form (the signup form posts multipart data).
 */
const MAX_SEGMENT = 200

function badPath(pathname: string): boolean {
  try {
    const decoded = decodeURIComponent(pathname)
    return (
      decoded.includes('\0') || decoded.split('/').some((segment) => segment.length > MAX_SEGMENT)
    )
  } catch {
    return true
  }
}

async function badForm(request: NextRequest): Promise<boolean> {
  const type = request.headers.get('content-type') ?? ''
  if (
    request.method !== 'POST' ||
    !/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)
  )
    return false
  try {
    await request.clone().formData()
    return false
  } catch {
    return true
  }
}

let previewModeId: string | null | undefined

/**
 * Whether Next will render this request in Draft Mode: its cookie holds this build's preview id
 * (a cookie from an older build, or a forged one, gets the static page like any reader's).
 */
function inDraftMode(request: NextRequest): boolean {
  const cookie = request.cookies.get('__prerender_bypass')?.value
  if (!cookie) return false
  if (previewModeId === undefined) {
    try {
      const manifest = path.join(
        /* turbopackIgnore: true */ process.cwd(),
        process.env.NEXT_DIST_DIR || '.next',
        'prerender-manifest.json',
      )
      previewModeId = JSON.parse(readFileSync(manifest, 'utf8')).preview.previewModeId as string
    } catch {
      previewModeId = null
    }
  }
  return previewModeId === null || cookie === previewModeId
}

/** Pages rendered for each request, never cached: search answers the query in the URL. */
const DYNAMIC_PAGES = new Set(['/search'])
/** Pagefind compiles its WebAssembly on the search page. */
const WASM_PAGES = new Set(['/search'])
const THEME_SCRIPT_HASH = hashSource(THEME_SCRIPT)

/**
 * A page rendered for this request alone (an editor's preview, search) has no cache entry to
 * carry its script policy, so its scripts get a fresh nonce: Next reads it from the request's
 * policy and puts it on each script it writes. The theme script, ours, is allowed by its hash.
 */
function withNonce(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const sources = [`'nonce-${nonce}'`, THEME_SCRIPT_HASH]
  const policy = `${basePolicy}; ${scriptPolicy({ sources, wasm: WASM_PAGES.has(request.nextUrl.pathname) })}`
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

export async function proxy(request: NextRequest) {
  if (!badPath(request.nextUrl.pathname) && !(await badForm(request))) {
    // `next dev` allows inline scripts everywhere (lib/security/headers.ts).
    const perRequest =
      process.env.NODE_ENV !== 'development' &&
      (DYNAMIC_PAGES.has(request.nextUrl.pathname) || inDraftMode(request))
    return perRequest ? withNonce(request) : NextResponse.next()
  }
  return new NextResponse('Bad request: the site cannot read this request.\n', {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}

export const config = {
  // Every page and route response; not built or public files, nor the preview switch.
  matcher: ['/((?!_next/|images/|pagefind/|api/).*)'],
}
