import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http'
import { brotliCompressSync, constants } from 'node:zlib'

/**
 * The yardstick issue 40 measures the main thread against: the same page served with every script
 * that would run, and every script preload, removed (same HTML otherwise, same CSS, fonts and
 * images). A proxy on loopback in front of the running site: a page (a request that accepts HTML)
 * is fetched uncompressed, stripped and sent in brotli at its strongest, as the site sends a cached
 * page; everything else passes through as the site answers it. What the page's own design costs
 * the main thread is what this copy costs; the rest is what running its scripts costs.
 */

/** An executable script element: no type, or a JavaScript one (data blocks such as JSON-LD stay). */
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi
const TYPE = /\stype\s*=\s*["']?([^"'\s>]+)/i
const RUNS = /^(module|text\/javascript|application\/javascript)$/i
/** `<link rel="modulepreload">` and `<link rel="preload" as="script">`. */
const SCRIPT_PRELOAD =
  /<link\b(?=[^>]*\brel\s*=\s*["']?modulepreload\b|[^>]*\bas\s*=\s*["']?script\b)[^>]*>/gi

/** The page's HTML without what would run a script or fetch one ahead. */
export function withoutScripts(html: string): string {
  return html
    .replace(SCRIPT, (element, attributes: string) => {
      const type = TYPE.exec(attributes)?.[1]
      return type && !RUNS.test(type) ? element : ''
    })
    .replace(SCRIPT_PRELOAD, '')
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length']

function forwardedHeaders(headers: IncomingHttpHeaders, page: boolean): IncomingHttpHeaders {
  const out = { ...headers }
  for (const name of HOP_BY_HOP) delete out[name]
  if (page) out['accept-encoding'] = 'identity'
  return out
}

/** Serves `target` (an origin, http://127.0.0.1:PORT) on `port`, its pages without scripts. */
export function startNoScriptProxy(target: string, port: number): Promise<Server> {
  const upstream = new URL(target)
  const server = createServer((req, res) => {
    const page = /text\/html/.test(req.headers.accept ?? '')
    const proxied = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...forwardedHeaders(req.headers, page), host: upstream.host },
      },
      (answer) => {
        const html = page && /^text\/html/.test(answer.headers['content-type'] ?? '')
        const headers = { ...answer.headers }
        for (const name of HOP_BY_HOP) delete headers[name]
        if (!html) {
          res.writeHead(answer.statusCode ?? 502, headers)
          answer.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const text = Buffer.from(withoutScripts(Buffer.concat(chunks).toString('utf8')))
          const brotli = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))
          const body = brotli
            ? brotliCompressSync(text, {
                params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
              })
            : text
          delete headers.etag
          res.writeHead(answer.statusCode ?? 200, {
            ...headers,
            ...(brotli ? { 'content-encoding': 'br' } : {}),
            'content-length': body.length,
          })
          res.end(body)
        })
      },
    )
    proxied.on('error', () => res.writeHead(502).end())
    req.pipe(proxied)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
