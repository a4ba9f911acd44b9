import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { isFormType } from './form'
import { isImagePublic } from '@/lib/content'
import { draftModeCookie, isDraftModeCookie } from '@/lib/preview/draft-mode'
import { fillSecurityHeaders, isStaffPath } from './policy.mjs'
import { answerNotModified } from '@/lib/page-cache/etag.mjs'
import { answerInBrotli } from '@/lib/page-cache/brotli.mjs'
import { answerBuiltFile } from '@/lib/built-files'
import { env } from '@/lib/env'

/**
 * The request guard: what the site refuses before Next sees a request, and why. Next answers
 * each of these with a 500 (or, for an absolute URL in the request line, a redirect to the host
 * it names), so they are refused here with the fitting 4xx. It runs in the Node server itself
 * (installed by instrumentation.ts), ahead of Next's router and of proxy.ts, so that static files,
 * images and the request line are covered too.
 */
export type Refusal = { status: number; reason: string; allow?: string }

/** Request-line targets and headers as Node hands them over. */
export type RawRequest = {
  method?: string
  url?: string
  headers: Record<string, string | string[] | undefined>
}

/** A larger body is no form of ours (the signup form is a few hundred bytes). */
export const MAX_BODY_BYTES = 1024 * 1024
/** No slug or file name of the site is longer. */
const MAX_SEGMENT = 200
/** Built and public files: read-only. */
const STATIC =
  /^\/(?:_next\/static|_next\/image|images|pagefind)(?:\/|$)|^\/[^/]+\.(?:ico|png|svg|txt|xml|json)$/
const PAGE_METHODS = 'GET, HEAD, POST'
/** What Next's route handlers answer (`TRACE` makes them throw). */
const ROUTE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']
const FILE_METHODS = 'GET, HEAD'

const header = (request: RawRequest, name: string) => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The path of an absolute-form target, its authority dropped: the site only answers for itself. */
export function originForm(target: string): string | undefined {
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(target)) return undefined
  try {
    const url = new URL(target)
    return `${url.pathname}${url.search}`
  } catch {
    return '/'
  }
}

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

/** Next's client sends the router's state as URI-encoded JSON; anything else makes it throw. */
function badRouterState(value: string | undefined): boolean {
  if (value === undefined) return false
  try {
    return !Array.isArray(JSON.parse(decodeURIComponent(value)))
  } catch {
    return true
  }
}

/**
 * A site image as written in the content: `/images/` and plain segments. The optimiser fetches its
 * `url` inside the server, where Next would answer a doubled or trailing slash with a redirect (a
 * 500 from the optimiser) and decode a percent escape once more (an embargoed still under another
 * spelling), so any other spelling is refused.
 */
const IMAGE_SOURCE = /^\/images(?:\/(?!\.\.?(?:\/|$))[\w.-]+)+$/

function badImageSource(target: string): boolean {
  const source = new URLSearchParams(target.split('?')[1] ?? '').get('url')
  return source !== null && !IMAGE_SOURCE.test(source)
}

/** Methods that read: anything else changes something. */
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS']

/**
 * Where a request says it comes from, against this site's host: `same`, `foreign` (another site,
 * or `null`, an opaque origin) or `missing`. The host is the Host header, or the one a trusted
 * proxy forwarded: with no trusted proxy, X-Forwarded-Host is the client's word and is not read.
 */
export function originOf(request: RawRequest, trustedProxies = 0): 'same' | 'foreign' | 'missing' {
  const origin = header(request, 'origin')
  if (!origin) return 'missing'
  const forwarded = trustedProxies > 0 ? header(request, 'x-forwarded-host') : undefined
  const host = forwarded ?? header(request, 'host')
  try {
    return new URL(origin).host === host ? 'same' : 'foreign'
  } catch {
    return 'foreign'
  }
}

/** Why the site refuses this request, or undefined when Next should have it. */
export function refusal(request: RawRequest, trustedProxies = 0): Refusal | undefined {
  const method = (request.method ?? 'GET').toUpperCase()
  const target = request.url ?? ''
  if (!target.startsWith('/')) return { status: 400, reason: 'the request names no path' }
  const pathname = target.split('?')[0] ?? '/'
  if (badPath(pathname)) return { status: 400, reason: 'no page could have this address' }

  const isStatic = STATIC.test(pathname)
  const api = pathname.startsWith('/api/')
  if (isStatic && method !== 'GET' && method !== 'HEAD')
    return { status: 405, reason: 'files can only be read', allow: FILE_METHODS }
  if (api && !ROUTE_METHODS.includes(method))
    return {
      status: 405,
      reason: `${method} is not a method this site answers`,
      allow: ROUTE_METHODS.join(', '),
    }
  if (!api && !['GET', 'HEAD', 'POST'].includes(method))
    return {
      status: 405,
      reason: `${method} is not a method this site answers`,
      allow: PAGE_METHODS,
    }

  if (pathname === '/_next/image' && badImageSource(target))
    return { status: 400, reason: "the image optimiser takes only the site's own images" }

  if (badRouterState(header(request, 'next-router-state-tree')))
    return { status: 400, reason: 'the router state sent with this request is malformed' }

  // A change to a staff page or route is taken only from the site's own pages, which every
  // browser marks with their Origin: a cross-site form riding a staff cookie is not.
  if (!SAFE_METHODS.includes(method) && isStaffPath(pathname)) {
    if (originOf(request, trustedProxies) !== 'same')
      return { status: 403, reason: "staff pages only take changes from the site's own pages" }
  }

  if (method === 'POST' && !api) {
    const length = header(request, 'content-length')
    if (length === undefined) return { status: 411, reason: 'a form must say how long it is' }
    if (Number(length) > MAX_BODY_BYTES) return { status: 413, reason: 'this form is too large' }
    if (originOf(request, trustedProxies) === 'foreign')
      return { status: 403, reason: 'forms are only taken from this site' }
    const type = header(request, 'content-type') ?? ''
    if (header(request, 'next-action') !== undefined && !isFormType(type))
      return { status: 400, reason: 'the site only takes forms' }
  }
  return undefined
}

/** Whether Next will render this request as an editor's preview (this build's Draft Mode cookie). */
function inPreview(request: RawRequest): boolean {
  const cookie = request.headers.cookie
  return isDraftModeCookie(draftModeCookie(Array.isArray(cookie) ? cookie[0] : cookie))
}

/** Where an embargoed image is sent: a file that does not exist, answered as any unknown image is. */
const UNKNOWN_IMAGE = '/images/not-found'

/** An image only unpublished pieces show, asked for directly or through the image optimiser. */
type EmbargoedImage = { src: string; url: URL }

function embargoedImage(request: RawRequest): EmbargoedImage | undefined {
  let url: URL
  let src: string | null
  try {
    url = new URL(request.url ?? '/', 'http://site')
    src = url.pathname.startsWith('/images/')
      ? decodeURIComponent(url.pathname)
      : url.pathname === '/_next/image'
        ? url.searchParams.get('url')
        : null
  } catch {
    return undefined
  }
  return src && !isImagePublic(src) ? { src, url } : undefined
}

/** The same request for an unknown image: answered exactly as any missing one is. */
function unknownImage({ url }: EmbargoedImage): string {
  if (url.pathname !== '/_next/image') return UNKNOWN_IMAGE
  url.searchParams.set('url', UNKNOWN_IMAGE)
  return `${url.pathname}${url.search}`
}

/**
 * For a reader (no preview cookie), the request's URL with an embargoed image swapped for an
 * unknown one: readers must not learn that an embargoed piece exists. Undefined when there is
 * nothing to hide.
 */
export function withoutEmbargoedImage(request: RawRequest): string | undefined {
  const image = embargoedImage(request)
  return image && !inPreview(request) ? unknownImage(image) : undefined
}

/** Answers a refused request; true when it did. */
function answerRefusal(request: IncomingMessage, response: ServerResponse): boolean {
  const refused = refusal(request, env.TRUSTED_PROXIES)
  if (!refused) return false
  response.statusCode = refused.status
  response.setHeader('content-type', 'text/plain; charset=utf-8')
  response.setHeader('cache-control', 'no-store')
  if (refused.allow) response.setHeader('allow', refused.allow)
  // The body is not read: the connection closes after the answer, so no client is left waiting.
  response.setHeader('connection', 'close')
  response.end(`The site cannot take this request: ${refused.reason}.\n`)
  return true
}

/**
 * Guards one request: rewrites an absolute-form target to its path, gives the response the site's
 * headers whatever answers it, makes a cached page the browser already holds a 304, sends a
 * cached page or a built script in brotli when it can, hides embargoed images, and answers a
 * refused request itself. True when it answered. An embargoed image asked for in preview is the
 * one case that waits: whether the browser's link is still live, or its editor still signed in,
 * is in the database.
 */
export function guard(
  request: IncomingMessage,
  response: ServerResponse,
): boolean | Promise<boolean> {
  const path = originForm(request.url ?? '')
  if (path !== undefined) request.url = path
  // After the rewrite: the kind of response is told from the path the site will answer.
  fillSecurityHeaders(response, request, { draftMode: inPreview(request) })
  answerNotModified(response, request)
  answerInBrotli(response, request)
  const image = embargoedImage(request)
  if (!image) return answerRefusal(request, response) || answerBuiltFile(request, response)
  if (!inPreview(request)) {
    request.url = unknownImage(image)
    return answerRefusal(request, response)
  }
  const cookie = [request.headers.cookie].flat().join('; ')
  return import('@/lib/preview/image-access')
    .then(({ mayPreviewImage }) => mayPreviewImage(cookie, image.src))
    .catch(() => false)
    .then((allowed) => {
      if (!allowed) request.url = unknownImage(image)
      return answerRefusal(request, response)
    })
}

const installed = Symbol.for('intertitle.requestGuard')

/**
 * Puts `guard` in front of every HTTP server in this process (`next start` and the standalone
 * server.js make theirs before the app loads): each request passes it before any listener sees it.
 */
export function installRequestGuard(): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: boolean }
  if (proto[installed]) return
  proto[installed] = true
  const emit = proto.emit
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const pass = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>)
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse]
      const answered = guard(request, response)
      if (answered === true) return true
      if (answered !== false) {
        void answered.then((done) => done || pass())
        return true
      }
    }
    return pass()
  } as typeof proto.emit
}
