// @ts-check
/**
 * What the site refuses before Next sees a request, and why. Next answers each of these with a 500
 * (or, for an absolute URL in the request line, a redirect to the host it names), so the front door
 * (./index.mjs) answers them with the fitting 4xx. Pure: it reads the request line and headers.
 */
import { isStaffPath } from '../security/policy.mjs'

/** @typedef {{ status: number, reason: string, allow?: string }} Refusal */
/**
 * Request-line targets and headers as Node hands them over.
 * @typedef {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} RawRequest
 */

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
/** Methods that read: anything else changes something. */
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS']
/** The bodies a browser's form posts: what the site takes from a form, and nothing else. */
const FORM = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\b/i

/** Whether a Content-Type is a form's. @param {string | null | undefined} contentType */
export const isFormType = (contentType) => FORM.test(contentType ?? '')

/** @param {RawRequest} request @param {string} name */
const header = (request, name) => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * The path of an absolute-form target, its authority dropped: the site only answers for itself.
 * @param {string} target
 * @returns {string | undefined}
 */
export function originForm(target) {
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(target)) return undefined
  try {
    const url = new URL(target)
    return `${url.pathname}${url.search}`
  } catch {
    return '/'
  }
}

/** @param {string} pathname */
function badPath(pathname) {
  try {
    const decoded = decodeURIComponent(pathname)
    return (
      decoded.includes('\0') || decoded.split('/').some((segment) => segment.length > MAX_SEGMENT)
    )
  } catch {
    return true
  }
}

/** Next's client sends the router's state as URI-encoded JSON; anything else makes it throw. @param {string | undefined} value */
function badRouterState(value) {
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

/** @param {string} target */
function badImageSource(target) {
  const source = new URLSearchParams(target.split('?')[1] ?? '').get('url')
  return source !== null && !IMAGE_SOURCE.test(source)
}

/**
 * Where a request says it comes from, against this site's host: `same`, `foreign` (another site,
 * or `null`, an opaque origin) or `missing`. The host is the Host header, or the one a trusted
 * proxy forwarded: with no trusted proxy, X-Forwarded-Host is the client's word and is not read.
 * @param {RawRequest} request
 * @param {number} [trustedProxies]
 * @returns {'same' | 'foreign' | 'missing'}
 */
export function originOf(request, trustedProxies = 0) {
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

/**
 * Why the site refuses this request, or undefined when Next should have it.
 * @param {RawRequest} request
 * @param {number} [trustedProxies]
 * @returns {Refusal | undefined}
 */
export function refusal(request, trustedProxies = 0) {
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
