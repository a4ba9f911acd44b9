// @ts-check
/**
 * THE FRONT DOOR: everything that happens to a request before Next has it, in order, and what
 * each response gets whoever answers it. server.mjs (Next's documented custom server) hands every
 * request here; Next's own router, proxy.ts and the app come after.
 *
 * 1. An absolute URL in the request line is answered for this site (its path alone).
 * 2. The response is given the policy table's headers as it is sent (lib/security/policy.mjs),
 *    whoever answers it: Next, a redirect, an error or a refusal below.
 * 3. A page rendered per request (the table's `nonce` kinds) gets a fresh script nonce, which Next
 *    reads from the request's policy and writes on its scripts; a policy the client sent is dropped.
 * 4. A malformed request is refused with its 4xx (./refusal.mjs).
 * 5. A cached page the browser already holds is a 304; one ready in brotli goes out so
 *    (lib/page-cache/etag.mjs, brotli.mjs). Both watch what Next writes: 304 first, as a page
 *    answered 304 has no body to compress.
 * 6. A built script or stylesheet goes out from its brotli copy (./built-files.mjs).
 * 7. An analytics beacon is counted by the app's collector, without Next's routing (./beacon.mjs).
 * 8. Everything else is Next's.
 */
import { answerInBrotli } from '../page-cache/brotli.mjs'
import { answerNotModified } from '../page-cache/etag.mjs'
import { hasDraftModeCookie } from '../preview/draft-mode.mjs'
import {
  basePolicy,
  CSP,
  fillSecurityHeaders,
  fullPolicy,
  nonceFor,
  requestKind,
  scriptPolicyFor,
  securityHeaders,
} from '../security/policy.mjs'
import { answerBeacon } from './beacon.mjs'
import { answerBuiltFile } from './built-files.mjs'
import { originForm, refusal } from './refusal.mjs'

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {(request: IncomingMessage, response: ServerResponse) => unknown} Handler */

/**
 * The front door in front of `next`, Next's request handler.
 * @param {{ next: Handler, distDir: string, trustedProxies: number }} options
 * @returns {(request: IncomingMessage, response: ServerResponse) => void}
 */
export function createFrontDoor({ next, distDir, trustedProxies }) {
  return (request, response) => {
    const path = originForm(request.url ?? '')
    if (path !== undefined) request.url = path

    // After the rewrite: the kind of response is told from the path the site will answer.
    const draftMode = hasDraftModeCookie(request.headers.cookie)
    const pathname = (request.url ?? '/').split('?')[0] ?? '/'
    const kind = requestKind({ pathname, method: request.method, draftMode })
    delete request.headers[CSP]
    delete request.headers[`${CSP}-report-only`]
    const nonce = nonceFor(kind)
    if (nonce) request.headers[CSP] = fullPolicy(kind, { nonce, pathname })
    fillSecurityHeaders(response, request, { draftMode, nonce })

    const refused = refusal(request, trustedProxies)
    if (refused) {
      response.statusCode = refused.status
      response.setHeader('content-type', 'text/plain; charset=utf-8')
      response.setHeader('cache-control', 'no-store')
      if (refused.allow) response.setHeader('allow', refused.allow)
      // The body is not read: the connection closes after the answer, so no client is left waiting.
      response.setHeader('connection', 'close')
      response.end(`The site cannot take this request: ${refused.reason}.\n`)
      return
    }

    answerNotModified(response, request)
    answerInBrotli(response, request)
    if (answerBeacon(request, response)) return
    const built = answerBuiltFile(request, response, distDir)
    if (built === false) void next(request, response)
    else if (built !== true) void built.then((done) => done || next(request, response))
  }
}

/** What Node itself would answer a request it cannot parse with. */
const CLIENT_ERRORS = /** @type {Record<string, [number, string]>} */ ({
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
})

/**
 * Answers a request Node could not parse (a giant header, a broken request line) as Node would,
 * with the headers every response of the site carries; the server's `clientError` listener.
 * @param {Error & { code?: string }} error
 * @param {import('node:stream').Duplex} socket
 */
export function answerClientError(error, socket) {
  if (!socket.writable || /** @type {any} */ (socket)._httpMessage) return void socket.destroy()
  const [status, text] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request']
  const headers = {
    ...securityHeaders,
    [CSP]: `${basePolicy}; ${scriptPolicyFor('data-file')}`,
    'cache-control': 'no-store',
    'content-length': '0',
    connection: 'close',
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${lines.join('\r\n')}\r\n\r\n`)
}
