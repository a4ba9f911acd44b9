import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { distDir } from '@/lib/dist-dir'
import { acceptsBrotli } from '@/lib/page-cache/brotli.mjs'

/**
 * Next's built scripts and stylesheets in brotli, from the copies `npm run build` writes beside
 * them (scripts/precompress.mjs), for browsers that take it. Anything else under
 * `/_next/static/` (a file with no copy, a range, a browser without brotli) is left to Next,
 * which gzips as it sends.
 */
const PREFIX = '/_next/static/'
const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
}
/** Built file names: letters, digits, `_`, `-`, `.`, `~` and folders; never `..`. */
const BUILT_NAME = /^(?:[\w~-][\w.~-]*\/)*[\w~-][\w.~-]*$/

/** The compressed copies read so far (only files that exist: a build has a few dozen). */
const copies = new Map<string, Buffer>()

function send(response: ServerResponse, type: string, body: Buffer, head: boolean): true {
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
 * Answers a request for a built script or stylesheet with its brotli copy; false (or a promise of
 * false) when Next should answer it.
 */
export function answerBuiltFile(
  request: IncomingMessage,
  response: ServerResponse,
): boolean | Promise<boolean> {
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD') return false
  const target = request.url ?? ''
  if (!target.startsWith(PREFIX)) return false
  const name = target.slice(PREFIX.length).split('?')[0] ?? ''
  const type = TYPES[path.extname(name)]
  if (!type || !BUILT_NAME.test(name) || request.headers.range) return false
  if (!acceptsBrotli(request.headers['accept-encoding'])) return false
  const file = path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    distDir(),
    'static',
    `${name}.br`,
  )
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
