import { readFileSync } from 'node:fs'
import path from 'node:path'
import { NextResponse, type NextRequest } from 'next/server'
import { THEME_SCRIPT } from '@/lib/theme'
import { basePolicy, CSP, hashSource, requestKind, responses, scriptPolicyFor } from './policy.mjs'

let previewModeId: string | null | undefined

/**
 * Whether Next will render this request in Draft Mode: its cookie holds this build's preview id
 * (a cookie from an older build, or a forged one, gets the cached page like any reader's).
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

const THEME_SCRIPT_HASH = hashSource(THEME_SCRIPT)

/**
 * The nonce step. A page the table renders per request (search, a form's answer, a preview, a
 * staff page) has no cache entry to carry its script policy, so its scripts get a fresh nonce:
 * Next reads it from the request's policy and puts it on each script it writes. The theme
 * script, ours, is allowed by its hash. Other requests go on untouched.
 */
export function withNonce(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl
  const kind = requestKind({ pathname, method: request.method, draftMode: inDraftMode(request) })
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
