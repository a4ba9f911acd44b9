import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { createGzip } from 'node:zlib'
import { warming } from '../../lib/page-cache/warm.mjs'
import { allocatorSettings, startCommand } from '../start-settings'

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

export type NextServer = { url: string; pid: number; stop: () => Promise<void> }

/** `next start` with the allocator settings `npm start` runs the site's server with: the framework's own server. */
const frameworkStart = [
  ...Object.entries(allocatorSettings(startCommand)).map(([name, value]) => `${name}=${value}`),
  'next start -H 127.0.0.1',
].join(' ')

/**
 * The build in `cwd` served as `npm start` serves the site (its command and environment, without
 * npm itself), or with `framework`, by `next start` (a project of no front door, the floor page),
 * in its own process group so that stopping it also stops every process under it.
 */
export async function startNext(
  cwd: string,
  port: number,
  env: Record<string, string> = {},
  readyPath = '/',
  { framework = false } = {},
): Promise<NextServer> {
  const child = spawn('sh', ['-c', framework ? frameworkStart : startCommand], {
    cwd,
    stdio: 'ignore',
    detached: true,
    env: {
      ...process.env,
      PATH: `${path.join(cwd, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      ...env,
    },
  })
  const url = `http://127.0.0.1:${port}`
  /** Signals the whole group; false once none of it is left. */
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, name)
      return true
    } catch {
      return false
    }
  }
  // Until every process of the group has gone: a server still closing would answer the next
  // run's requests on the same port (and write into a data folder already removed). Bounded, as
  // a process nobody reaps stays in its group after SIGKILL.
  const stop = async () => {
    if (!signal('SIGTERM')) return
    for (let waited = 0; signal(0) && waited < 15_000; waited += 100) {
      if (waited === 10_000) signal('SIGKILL')
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  try {
    await waitFor(url + readyPath)
    if (!framework) await pagesWarmed(path.join(cwd, env.NEXT_DIST_DIR ?? '.next'))
  } catch (error) {
    await stop()
    throw error
  }
  return { url, pid: child.pid!, stop }
}

/**
 * Once the server has rendered the build's prerendered pages into its cache (lib/page-cache/warm.mjs
 * removes the list when done): what is measured after is what readers a minute after a deploy get.
 */
async function pagesWarmed(distDir: string) {
  for (let waited = 0; await warming(distDir); waited += 250) {
    if (waited > 600_000) throw new Error('the server did not finish rendering its pages')
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** The pages' HTML as the site serves them, for the static server below. */
export async function snapshotPages(base: string, urls: readonly string[]) {
  const pages = new Map<string, string>()
  for (const url of urls) pages.set(url, await (await fetch(base + url)).text())
  return pages
}

/**
 * A plain static file server for the same HTML (snapshotPages), gzip like Next's, as the
 * yardstick for `next start`.
 */
export function startStatic(pages: ReadonlyMap<string, string>, port: number): Promise<Server> {
  const modified = new Date().toUTCString()
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (html === undefined) {
      res.writeHead(404).end('Not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Encoding': 'gzip',
      'Last-Modified': modified,
    })
    const gzip = createGzip()
    gzip.pipe(res)
    gzip.end(html)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
