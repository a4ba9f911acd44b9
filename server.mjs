// @ts-check
/**
 * The site's server: Next's documented custom server, with the front door in front of it
 * (lib/front-door/index.mjs: refusals, every response's headers, 304s, brotli). `npm start` runs
 * it from the project; a standalone build (`npm run build:standalone`, the Dockerfile) carries a
 * copy, beside the configuration its build evaluated (scripts/standalone.ts).
 *
 *   PORT (3000), HOSTNAME (0.0.0.0): where it listens.
 */
import http from 'node:http'
import path from 'node:path'
import v8 from 'node:v8'
import next from 'next'
import { answerClientError, createFrontDoor } from './lib/front-door/index.mjs'
import { stopServer } from './lib/front-door/shutdown.mjs'
import { originOf, warmPages } from './lib/page-cache/warm.mjs'

// V8 lets a busy server's heap grow to up to four times what is alive, and keeps it until the
// traffic stops; growing by 30% at a time holds it near its warm size, for some speed under load.
// The embedded database is megabytes of WebAssembly, which V8 would compile twice over (a quick
// baseline, then optimised copies): compiled once, optimised, it holds less memory warm and
// answers queries sooner. Both are read later (at each collection, and as the module compiles),
// so they are set before anything else. Figures: docs/benchmarks.md, "Server memory".
v8.setFlagsFromString('--heap-growing-percent=30')
v8.setFlagsFromString('--no-liftoff')

const dir = import.meta.dirname
process.env.NODE_ENV = 'production'
/** The build folder, as next.config.mjs names it (a standalone folder's copy names its own). */
const distDir = path.resolve(dir, process.env.NEXT_DIST_DIR || '.next')
const port = Number(process.env.PORT) || 3000
const hostname = process.env.HOSTNAME || '0.0.0.0'
const trustedProxies = Number(process.env.TRUSTED_PROXIES) || 0

const app = next({ dev: false, dir, hostname, port })
await app.prepare()

const server = http.createServer(
  createFrontDoor({ next: app.getRequestHandler(), distDir, trustedProxies }),
)
server.on('clientError', answerClientError)
const stopping = new AbortController()
server.listen(port, hostname, () => {
  console.log(`Intertitle on http://${hostname}:${port}`)
  // The build's prerendered pages, rendered into the page cache once (lib/page-cache/warm.mjs).
  const origin = originOf(/** @type {import('node:net').AddressInfo} */ (server.address()))
  warmPages({ origin, distDir, signal: stopping.signal })
    .then((pages) => pages > 0 && console.log(`page cache: ${pages} prerendered pages ready`))
    .catch(
      (error) => stopping.signal.aborted || console.error('page cache: warming stopped', error),
    )
})

// A clean stop: running requests finish, then what the app registered (the analytics batch is
// stored, the worker ends its email in hand, the database is closed), within a few seconds.
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    stopping.abort()
    void stopServer(server)
  })
}
