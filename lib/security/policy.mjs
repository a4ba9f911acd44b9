// @ts-check
/**
 * The site's response policy, in one table: each kind of response and the headers it carries.
 * Everything else only asks it: the front door (lib/front-door/index.mjs, run by server.mjs) fills
 * in each response's headers as it is sent and gives pages rendered per request their nonce, and
 * the page caches (lib/page-cache/) give each cached page the hashes of its own inline scripts.
 *
 * The Content-Security-Policy comes in two parts that the browser enforces together: the base
 * policy (styles, images, fonts, frames, connections; no `default-src`, no `script-src`) on every
 * response, and exactly one script policy, which depends on the kind.
 *
 * Plain JavaScript, because the cache handlers that use it are loaded by Next at run time outside
 * the app's bundle; TypeScript checks it (`checkJs`) and reads its types from the JSDoc.
 */
import { createHash, randomBytes } from 'node:crypto'
import { THEME_SCRIPT } from '../theme.mjs'

/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

export const CSP = 'content-security-policy'

/** Every fetch directive but scripts', named one by one: no `default-src`, which would cover scripts too. */
export const basePolicy = [
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** On every response, whatever its kind. */
export const securityHeaders = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
}

/**
 * What a response answered because of a cookie carries (a preview, a staff page, a still shown to
 * one preview): no cache keeps it, and one that ignores no-store is told it differs by cookie.
 */
const PRIVATE = { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex', vary: 'Cookie' }

/**
 * @typedef {'cached-page' | 'per-request-page' | 'reader-link-page' | 'preview-page' | 'preview-image' | 'staff-page' | 'static-asset'
 *   | 'data-file' | 'pagefind' | 'redirect' | 'error'} ResponseKind
 * @typedef {'hashes' | 'nonce' | 'none' | 'self'} Scripts
 */

/**
 * THE TABLE. `scripts` says where a response's one script policy comes from: `hashes`, the page's
 * own inline scripts, computed by the page cache; `nonce`, a fresh one from the front door; `none`, no
 * script runs; `self`, this origin's files only (an error page's inline scripts are refused, and
 * it still reads as a page). `wasm` lets Pagefind compile its WebAssembly.
 * @type {Record<ResponseKind, { scripts: Scripts, wasm?: boolean, headers?: Record<string, string> }>}
 */
export const responses = {
  // Every page but those below: prerendered, regenerated or rendered on first request.
  'cached-page': { scripts: 'hashes' },
  // Search answers the query in its URL; a form's answer is rendered for that post.
  'per-request-page': { scripts: 'nonce' },
  // A link from a reader's email (confirm, unsubscribe): its token is in the URL, so the page is
  // rendered per request, kept by no cache and shown to no search engine.
  'reader-link-page': { scripts: 'nonce', headers: PRIVATE },
  // An editor's preview (Draft Mode): per request, never cached or indexed.
  'preview-page': { scripts: 'nonce', headers: PRIVATE },
  // An image asked for in preview: it may be an embargoed still, shown for this cookie alone.
  'preview-image': { scripts: 'none', headers: PRIVATE },
  'staff-page': { scripts: 'nonce', headers: PRIVATE },
  'static-asset': { scripts: 'none' },
  'data-file': { scripts: 'none' },
  pagefind: { scripts: 'self', wasm: true },
  redirect: { scripts: 'none' },
  error: { scripts: 'self' },
}

/**
 * Where pages are rendered per request, by path (a post or a preview is, anywhere): staff tools
 * under each prefix, search, and the pages a reader's email links to. The front door gives each a
 * nonce, and refuses a change to a staff path without this site's Origin.
 */
export const perRequestPaths = {
  staffPrefixes: ['/staff', '/keystatic', '/api/keystatic', '/api/staff'],
  perRequest: ['/search'],
  readerLinks: ['/newsletter/confirm', '/newsletter/unsubscribe'],
}
const STAFF = new RegExp(`^(?:${perRequestPaths.staffPrefixes.join('|')})(?:/|$)`)
/** Whether a path is a staff page or route (answered because of a staff cookie). @param {string} pathname */
export const isStaffPath = (pathname) => STAFF.test(pathname)
const PAGEFIND = /^\/pagefind\//
const STATIC = /^\/(?:_next\/|images\/)|^\/favicon\.ico$/
const IMAGES = /^\/(?:images\/|_next\/image$)/
const DATA = /^\/api\/|\/opengraph-image$|\.(?:xml|json|txt)$/
const PER_REQUEST = new Set(perRequestPaths.perRequest)
const READER_LINKS = new Set(perRequestPaths.readerLinks)
/** Pages where Pagefind runs (its worker compiles WebAssembly). */
const WASM_PAGES = new Set(['/search'])

/**
 * What kind of response a request gets, as far as the request tells: the answer's status can
 * still make it a redirect or an error (see `fillSecurityHeaders`).
 * @param {{ pathname: string, method?: string, draftMode?: boolean }} request
 * @returns {ResponseKind}
 */
export function requestKind({ pathname, method = 'GET', draftMode = false }) {
  if (STAFF.test(pathname)) return 'staff-page'
  if (PAGEFIND.test(pathname)) return 'pagefind'
  if (draftMode && IMAGES.test(pathname)) return 'preview-image'
  if (STATIC.test(pathname)) return 'static-asset'
  if (DATA.test(pathname)) return 'data-file'
  if (READER_LINKS.has(pathname)) return 'reader-link-page'
  if (draftMode) return 'preview-page'
  if (PER_REQUEST.has(pathname) || method === 'POST') return 'per-request-page'
  return 'cached-page'
}

/**
 * A script policy: this origin's files plus the given sources. `wasm` lets Pagefind compile its
 * WebAssembly; `dev` lets React's development build eval.
 * @param {{ sources?: string[], wasm?: boolean, dev?: boolean }} [options]
 */
export function scriptPolicy({ sources = [], wasm = false, dev = false } = {}) {
  return ['script-src', "'self'", ...sources, wasm && "'wasm-unsafe-eval'", dev && "'unsafe-eval'"]
    .filter(Boolean)
    .join(' ')
}

const development = () => process.env.NODE_ENV === 'development'

/**
 * The script policy of a kind, given what only its producer knows: the page's hashes or the
 * request's nonce. Under `next dev` React evaluates code and pages are not cached, so every page
 * allows inline scripts and eval.
 * @param {ResponseKind} kind
 * @param {{ hashes?: string[], nonce?: string, pathname?: string }} [values]
 */
export function scriptPolicyFor(kind, { hashes = [], nonce, pathname = '' } = {}) {
  const { scripts, wasm = WASM_PAGES.has(pathname) } = responses[kind]
  if (scripts === 'none') return "script-src 'none'"
  if (development()) return scriptPolicy({ sources: ["'unsafe-inline'"], wasm, dev: true })
  if (scripts === 'hashes') return scriptPolicy({ sources: hashes, wasm })
  // Next puts the nonce on the scripts it writes; the theme script, ours, is allowed by its hash.
  if (scripts === 'nonce')
    return scriptPolicy({
      sources: [THEME_SCRIPT_HASH, ...(nonce ? [`'nonce-${nonce}'`] : [])],
      wasm,
    })
  return scriptPolicy({ wasm })
}

/** The CSP source that allows exactly this inline script. @param {string} source */
export function hashSource(source) {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

const THEME_SCRIPT_HASH = hashSource(THEME_SCRIPT)

/**
 * A fresh nonce for a request of a kind whose page is rendered per request (`nonce` in the table),
 * or undefined. Under `next dev` pages allow inline scripts, so none is made.
 * @param {ResponseKind} kind
 */
export function nonceFor(kind) {
  return responses[kind].scripts === 'nonce' && !development()
    ? randomBytes(16).toString('base64')
    : undefined
}

/**
 * The whole policy of a kind (base and script policy), as Next reads it from a request to find
 * the nonce for the scripts it writes.
 * @param {ResponseKind} kind
 * @param {{ nonce?: string, pathname?: string }} values
 */
export const fullPolicy = (kind, values) => `${basePolicy}; ${scriptPolicyFor(kind, values)}`

// An inline script's text cannot contain "</script" (React and Next escape it), so this finds
// each one whole. Data blocks (JSON-LD) never run, so they need no hash.
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi
const TYPE = /\stype\s*=\s*["']?([^"'\s>]+)/i
const SCRIPT_TYPE = /^(module|text\/javascript|application\/javascript)$/i

/** Hash sources for every inline script in the page that the browser would run. @param {string} html */
export function inlineScriptHashes(html) {
  /** @type {Set<string>} */
  const hashes = new Set()
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    const type = TYPE.exec(attributes)?.[1]
    if (/\ssrc\s*=/i.test(attributes) || (type && !SCRIPT_TYPE.test(type))) continue
    hashes.add(hashSource(body))
  }
  return [...hashes]
}

/**
 * Gives a cached page's entry its script policy, in place, before Next stores or sends it: it
 * names the page's own inline scripts. Next sends a page entry's headers with it, on the request
 * that rendered it as on every later one. An entry that already carries one is left as it is.
 * @template T
 * @param {T} value the entry's value as Next hands it to a cache handler
 * @returns {T}
 */
export function withScriptPolicy(value) {
  const entry =
    /** @type {{ kind?: string, html?: unknown, headers?: Record<string, unknown> }} */ (value)
  if (entry?.kind !== 'APP_PAGE' || typeof entry.html !== 'string') return value
  entry.headers ??= {}
  entry.headers[CSP] ??= scriptPolicyFor('cached-page', {
    hashes: inlineScriptHashes(entry.html),
  })
  return value
}

/**
 * A Vary header that also names `field`, keeping what Next set (it varies pages by its router's
 * request headers). @param {unknown} given @param {string} field
 */
function withVary(given, field) {
  const fields = policies(given)
    .flatMap((v) => v.split(',').map((f) => f.trim()))
    .filter(Boolean)
  return fields.some((f) => f.toLowerCase() === field.toLowerCase() || f === '*')
    ? fields.join(', ')
    : [...fields, field].join(', ')
}

/** @param {unknown} value */
const policies = (value) =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String)

/**
 * Makes `response` carry the table's headers when it is sent, whoever answers it (Next, a
 * redirect, a refusal, an error): the security headers, the base policy, and, when no layer
 * gave it one, the script policy of its kind: a 3xx a redirect's, a 4xx/5xx page an error's.
 * Headers another layer set are kept.
 * @param {ServerResponse} response
 * @param {IncomingMessage} request
 * @param {{ draftMode?: boolean, nonce?: string }} [context] whether it carries a Draft Mode cookie,
 *   and the nonce the front door gave a page rendered per request
 */
export function fillSecurityHeaders(response, request, { draftMode = false, nonce } = {}) {
  const writeHead = response.writeHead
  const pathname = (request.url ?? '/').split('?')[0] ?? '/'
  /** @param {number} statusCode @param {any[]} rest */
  const filled = (statusCode, ...rest) => {
    // Headers handed to writeHead itself win over these, as Node merges them afterwards.
    for (const [name, value] of Object.entries(securityHeaders))
      if (!response.hasHeader(name)) response.setHeader(name, value)
    // A 304 refreshes what the browser keeps: the stored page's own policy must stand.
    if (statusCode === 304)
      return writeHead.apply(response, /** @type {any} */ ([statusCode, ...rest]))
    const given = policies(response.getHeader(CSP))
    let kind = requestKind({ pathname, method: request.method, draftMode })
    if (statusCode >= 300 && statusCode < 400) kind = 'redirect'
    // An error page keeps the nonce it was rendered with: Next wrote it on its scripts.
    else if (statusCode >= 400 && !nonce && !given.some((p) => p.includes('script-src')))
      kind = /html/.test(String(response.getHeader('content-type') ?? '')) ? 'error' : 'data-file'
    const added = []
    if (!given.some((p) => p.includes('frame-ancestors'))) added.push(basePolicy)
    if (!given.some((p) => p.includes('script-src')))
      added.push(scriptPolicyFor(kind, { pathname, nonce }))
    if (added.length) response.setHeader(CSP, [...given, ...added])
    for (const [name, value] of Object.entries(responses[kind].headers ?? {}))
      response.setHeader(name, name === 'vary' ? withVary(response.getHeader(name), value) : value)
    return writeHead.apply(response, /** @type {any} */ ([statusCode, ...rest]))
  }
  response.writeHead = /** @type {any} */ (filled)
}
