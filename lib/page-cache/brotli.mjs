// @ts-check
/**
 * Cached pages sent in brotli, compressed once per version at brotli's strongest setting. Next
 * gzips every response as it sends it (gzip only); a cached page does not change between
 * requests, so its bytes can be compressed far harder, once: in brotli at quality 11 the flagship
 * review fits the first round trip of a new connection, which in gzip it did not. Quality 11 is
 * slow (docs/benchmarks.md, "Brotli"), so it runs in the background (zlib's thread pool)
 * when the cache hands Next a page it has not seen; until it is done, that version goes out in
 * gzip as before. A page is known by its ETag (./etag.mjs), which names its HTML exactly.
 *
 * The cache handlers and the front door are loaded as separate modules, so the compressed
 * pages are kept on `globalThis`, one store per process.
 */
import { brotliCompress, constants } from 'node:zlib'

/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

/** Enough for every page a small site serves often; the oldest used goes first. */
const MAX_BYTES = 32 * 1024 * 1024

const KEY = Symbol.for('intertitle.brotliPages')
/** @typedef {{ ready: Map<string, Buffer>, pending: Set<string>, bytes: number }} Store */
const scope = /** @type {{ [KEY]?: Store }} */ (globalThis)
/** @type {Store} */
const store = (scope[KEY] ??= { ready: new Map(), pending: new Set(), bytes: 0 })

/**
 * Brotli at its strongest, for text of `bytes` bytes compressed once and sent many times (pages
 * here, built scripts in scripts/precompress.mjs).
 * @param {number} bytes
 */
export const strongest = (bytes) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
  },
})

/**
 * Starts compressing the page `etag` names, unless it is done or under way. `done` is called
 * when it is (for tests).
 * @param {string} etag
 * @param {string} html
 * @param {() => void} [done]
 */
export function compressPage(etag, html, done) {
  if (store.ready.has(etag) || store.pending.has(etag)) return done?.()
  store.pending.add(etag)
  brotliCompress(html, strongest(Buffer.byteLength(html)), (error, body) => {
    store.pending.delete(etag)
    if (!error) {
      store.ready.set(etag, body)
      store.bytes += body.length
      for (const [old, oldBody] of store.ready) {
        if (store.bytes <= MAX_BYTES) break
        store.ready.delete(old)
        store.bytes -= oldBody.length
      }
    }
    done?.()
  })
}

/**
 * The page `etag` names, in brotli, if it is ready; it becomes the most recently used.
 * @param {string} etag
 */
function compressedPage(etag) {
  const body = store.ready.get(etag)
  if (body) {
    store.ready.delete(etag)
    store.ready.set(etag, body)
  }
  return body
}

/**
 * Whether an Accept-Encoding header takes brotli (RFC 9110, 12.5.3: a coding with q=0 is refused,
 * `*` stands for any coding not named).
 * @param {string | undefined} header
 */
export function acceptsBrotli(header) {
  if (!header) return false
  let any = false
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const accepted = !q || Number(q.slice(2)) > 0
    if (name.trim() === 'br') return accepted
    if (name.trim() === '*') any = accepted
  }
  return any
}

/**
 * Sends a cached page in brotli when the reader's browser takes it and the page is ready: when
 * Next sets the page's ETag, the response is marked as brotli (so Next's gzip passes it through),
 * and the HTML Next then writes is replaced by the compressed copy of the same bytes. Payloads of
 * the client router (`RSC`) and any answer other than a 200 page go out as Next sends them.
 * @param {ServerResponse} response
 * @param {IncomingMessage} request
 */
export function answerInBrotli(response, request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return
  if (!acceptsBrotli(request.headers['accept-encoding'])) return
  if (request.headers.rsc !== undefined || /[?&]_rsc=/.test(request.url ?? '')) return
  /** @type {Buffer | undefined} */
  let body
  const { setHeader, writeHead, write, end } = response
  response.setHeader = function (name, value) {
    if (name.toLowerCase() === 'etag' && typeof value === 'string' && this.statusCode === 200) {
      body = compressedPage(value)
      if (body) setHeader.call(this, 'content-encoding', 'br')
    }
    return setHeader.call(this, name, value)
  }
  /** @this {ServerResponse} @param {number} statusCode @param {any[]} rest */
  function brotliHead(statusCode, ...rest) {
    if (body) {
      if (statusCode === 200 && /^text\/html/.test(String(this.getHeader('content-type')))) {
        setHeader.call(this, 'content-length', body.length)
        this.removeHeader('transfer-encoding')
      } else {
        // Marked too soon: it goes out as written, uncompressed, rather than mislabelled.
        body = undefined
        this.removeHeader('content-encoding')
      }
    }
    return writeHead.apply(this, /** @type {any} */ ([statusCode, ...rest]))
  }
  /** Whether the body Next writes is to be replaced; its headers are sent first. @this {ServerResponse} */
  function replacing() {
    if (body && !this.headersSent) this.writeHead(this.statusCode)
    return body !== undefined
  }
  /** @this {ServerResponse} @param {any[]} args */
  function skipWrite(...args) {
    if (!replacing.call(this)) return write.apply(this, /** @type {any} */ (args))
    const callback = args.find((a) => typeof a === 'function')
    if (callback) process.nextTick(callback)
    return true
  }
  /** @this {ServerResponse} @param {any[]} args */
  function endCompressed(...args) {
    if (!replacing.call(this)) return end.apply(this, /** @type {any} */ (args))
    const compressed = /** @type {Buffer} */ (body)
    body = undefined
    return end.call(
      this,
      compressed,
      args.find((a) => typeof a === 'function'),
    )
  }
  response.writeHead = /** @type {any} */ (brotliHead)
  response.write = /** @type {any} */ (skipWrite)
  response.end = /** @type {any} */ (endCompressed)
}
