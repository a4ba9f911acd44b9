// @ts-check
/**
 * Next's built scripts and stylesheets in brotli, from the copies `npm run build` writes beside
 * them (scripts/precompress.mjs), for browsers that take it. Anything else under
 * `/_next/static/` (a file with no copy, a range, a browser without brotli) is left to Next,
 * which gzips as it sends.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { acceptsBrotli } from '../page-cache/brotli.mjs'

/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

const PREFIX = '/_next/static/'
/** @type {Record<string, string>} */
const TYPES = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
}
/** Built file names: letters, digits, `_`, `-`, `.`, `~` and folders; never `..`. */
const BUILT_NAME = /^(?:[\w~-][\w.~-]*\/)*[\w~-][\w.~-]*$/

/** The compressed copies read so far (only files that exist: a build has a few dozen). */
/** @type {Map<string, Buffer>} */
const copies = new Map()

/** @param {ServerResponse} response @param {string} type @param {Buffer} body @param {boolean} head @returns {true} */
function send(response, type, body, head) {
  response.statusCode = 200
  response.setHeader('content-type', type)
  response.setHeader('content-encoding', 'br')
  response.setHeader('content-length', body.length)
  response.setHeader('cache-control', 'public, max-age=31536000, immutable')
  response.setHeader('vary', 'Accept-Encoding')
  response.end(head ? undefined : body)
  return true
}

/**
 * Answers a request for a built script or stylesheet with its brotli copy from the build folder
 * `distDir`; false (or a promise of false) when Next should answer it.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {string} distDir the build folder, absolute or relative to the working folder
 * @returns {boolean | Promise<boolean>}
 */
export function answerBuiltFile(request, response, distDir) {
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') return false
  const target = request.url ?? ''
  if (!target.startsWith(PREFIX)) return false
  const name = target.slice(PREFIX.length).split('?')[0] ?? ''
  const type = TYPES[path.extname(name)]
  if (!type || !BUILT_NAME.test(name) || request.headers.range) return false
  if (!acceptsBrotli(request.headers['accept-encoding'])) return false
  const file = path.resolve(distDir, 'static', `${name}.br`)
  const head = method === 'HEAD'
  const copy = copies.get(file)
  if (copy) return send(response, type, copy, head)
  return readFile(file).then(
    (body) => {
      copies.set(file, body)
      return send(response, type, body, head)
    },
    () => false,
  )
}
