import { spawn } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { createGzip } from 'node:zlib'
import { startCommand } from '../start-settings'

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

/**
 * The build in `cwd` served as `npm start` serves the site (its command and environment, without
 * npm itself), in its own process group so that stopping it also stops every process under it.
 */
export async function startNext(
  cwd: string,
  port: number,
  env: Record<string, string> = {},
  readyPath = '/',
): Promise<NextServer> {
  const child = spawn(
    'sh',
    ['-c', `${startCommand} "$@"`, 'sh', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd,
      stdio: 'ignore',
      detached: true,
      env: {
        ...process.env,
        PATH: `${path.join(cwd, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        NEXT_TELEMETRY_DISABLED: '1',
        ...env,
      },
    },
  )
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1500))
  }
  try {
    await waitFor(url + readyPath)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, pid: child.pid!, stop }
}

/**
 * A plain static file server for the same pre-rendered HTML Next wrote to .next/server/app,
 * gzip like Next's, as the yardstick for `next start`.
 */
export function startStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const name = url.pathname === '/' ? 'index' : url.pathname.slice(1)
    const file = path.join(root, `${name}.html`)
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('Not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Encoding': 'gzip',
      'Last-Modified': statSync(file).mtime.toUTCString(),
    })
    createReadStream(file).pipe(createGzip()).pipe(res)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
