// @ts-check
/**
 * Conditional requests for cached pages, with the page's ETag worked out once, when the page is
 * cached, instead of on every request. Next hashes each page's whole HTML for its ETag on every
 * response (`generateEtags`, a large share of a busy server's time: docs/benchmarks.md), so the
 * site turns that off (next.config.mjs) and does the same job here: the cache handlers give each
 * page entry its ETag, Next sends an entry's headers with the page, and the front door answers
 * a request that already holds that version with a 304.
 */
import { createHash } from 'node:crypto'
import { compressPage } from './brotli.mjs'

/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

/**
 * Weak: the bytes sent differ with the encoding (gzip or not), the page does not.
 * @param {string} html
 */
export const pageEtag = (html) =>
  `W/"${createHash('sha1').update(html, 'utf8').digest('base64url')}"`

/**
 * Gives a cached page's entry its ETag, in place, before Next stores or sends it (an entry that
 * already carries one keeps it), and has the page compressed in brotli (./brotli.mjs).
 * @template T
 * @param {T} value the entry's value as Next hands it to a cache handler
 * @returns {T}
 */
export function withEtag(value) {
  const entry =
    /** @type {{ kind?: string, html?: unknown, status?: number, headers?: Record<string, unknown> }} */ (
      value
    )
  if (entry?.kind !== 'APP_PAGE' || typeof entry.html !== 'string') return value
  entry.headers ??= {}
  const etag = (entry.headers.etag ??= pageEtag(entry.html))
  if (typeof etag === 'string' && (entry.status ?? 200) === 200) compressPage(etag, entry.html)
  return value
}

/** Headers that describe a body, which a 304 does not have (RFC 9110, 15.4.5). */
const BODY_HEADERS = ['content-length', 'content-encoding', 'content-type', 'transfer-encoding']

/**
 * Whether `request` already holds the version `etag` names (If-None-Match, compared weakly) and
 * did not ask to skip caches.
 * @param {IncomingMessage} request
 * @param {string} etag
 */
export function holdsVersion(request, etag) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const wanted = request.headers['if-none-match']
  if (!wanted || /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(request.headers['cache-control'] ?? ''))
    return false
  const opaque = (tag = '') => tag.trim().replace(/^W\//, '')
  return wanted.trim() === '*' || wanted.split(',').some((tag) => opaque(tag) === opaque(etag))
}

/**
 * Makes `response` a 304, with no body, when it would be a 200 carrying an ETag that `request`
 * already holds. Node sends no body for a 304, whatever is written after.
 * @param {ServerResponse} response
 * @param {IncomingMessage} request
 */
export function answerNotModified(response, request) {
  const writeHead = response.writeHead
  /** @param {number} statusCode @param {any[]} rest */
  const conditional = (statusCode, ...rest) => {
    const etag = response.getHeader('etag')
    if (statusCode === 200 && typeof etag === 'string' && holdsVersion(request, etag)) {
      for (const name of BODY_HEADERS) response.removeHeader(name)
      const headers = rest.find((r) => typeof r === 'object')
      return writeHead.apply(response, /** @type {any} */ (headers ? [304, headers] : [304]))
    }
    return writeHead.apply(response, /** @type {any} */ ([statusCode, ...rest]))
  }
  response.writeHead = /** @type {any} */ (conditional)
}
