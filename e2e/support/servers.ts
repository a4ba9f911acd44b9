import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { expect } from '@playwright/test'

export type Server = {
  base: string
  /** Everything the server wrote to stderr so far. */
  log(): string
  stop(signal?: NodeJS.Signals): Promise<void>
}

// Each Playwright worker takes its own run of ports, so specs in parallel never collide; a second
// checkout running its suite beside this one moves the whole range with E2E_PORT.
let nextPort =
  Number(process.env.E2E_PORT ?? 3210) + 60 + Number(process.env.TEST_PARALLEL_INDEX ?? 0) * 20

/**
 * A server of the built site of its own (server.mjs, as `npm start` runs it), on a loopback port,
 * for specs that load or crash it; or, given `serverJs`, a standalone build's copy of it, run the
 * way its Dockerfile runs it.
 * The tests play the proxy production runs behind (TRUSTED_PROXIES=1): each names its client
 * in X-Forwarded-For, so that every test has a rate-limit bucket of its own. Without a DATA_DIR
 * of the spec's, it writes (its outbox, on PostgreSQL too) into a temporary folder of its own,
 * removed when it stops: never into the developer's `data/`.
 */
export async function startServer(
  /** Its environment; a function of its own address when it must know it (SITE_URL). */
  env: Record<string, string> | ((base: string) => Record<string, string>) = {},
  cwd = process.cwd(),
  serverJs?: string,
): Promise<Server> {
  const port = nextPort++
  const base = `http://127.0.0.1:${port}`
  const own = typeof env === 'function' ? env(base) : env
  const scratch = own.DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'intertitle-server-'))
  const command = [serverJs ?? 'server.mjs']
  const child = spawn(process.execPath, command, {
    cwd,
    env: {
      ...process.env,
      TRUSTED_PROXIES: '1',
      ...(scratch ? { DATA_DIR: scratch } : {}),
      ...own,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      if (scratch) rmSync(scratch, { recursive: true, force: true })
      resolve()
    }),
  )
  // Ready when it serves a file; a server that never gets there is stopped, not left on its port.
  try {
    await expect
      .poll(
        async () => child.exitCode ?? (await fetch(`${base}/robots.txt`).catch(() => null))?.status,
        { timeout: 90_000, message: stderr },
      )
      .toBe(200)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    base,
    log: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal)
      await exited
    },
  }
}

export const THANKS = 'Please check your inbox'

/** The signup form's fields as the page serves them, the Server Action's hidden ones included. */
export async function signupForm(base: string): Promise<[string, string][]> {
  const html = await (await fetch(`${base}/newsletter`)).text()
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? ''
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    (m) => [decode(m[1]!), decode(m[2] ?? '')],
  )
}

let clients = 0

/**
 * All requests are in flight at once, over at most 256 connections: more than any one proxy
 * would open, and within the listen backlog of `next start` (511), so what is measured is the
 * application, not the kernel's accept queue. One connection per request: a kept-alive socket
 * that the server closes after its idle timeout (5 s) just as this side, starved of CPU by a
 * build running beside it, sends the next request on it is reset, which would fail the test for
 * the client's sake, not the server's.
 */
const agent = new http.Agent({ keepAlive: false, maxSockets: 256 })

/** One reader, from their own address, posting the form with JavaScript off. */
export async function signUp(
  base: string,
  hidden: [string, string][],
  email: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; thanked: boolean; text: string }> {
  const form = new FormData()
  for (const [name, value] of hidden) form.append(name, value)
  form.append('email', email)
  form.append('consent', 'yes')
  for (const [name, value] of Object.entries(extra)) form.set(name, value)
  const encoded = new Request(base, { method: 'POST', body: form })
  const body = Buffer.from(await encoded.arrayBuffer())
  const n = clients++
  // As a browser sends them: the page's origin (Next checks it), the client's own address, and the
  // page it was on, arrived at from a campaign link.
  const headers = {
    origin: base,
    'content-type': encoded.headers.get('content-type') ?? '',
    'content-length': String(body.length),
    'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n & 255}`,
    referer: `${base}/newsletter?utm_source=load-test&utm_medium=email&utm_campaign=burst`,
  }
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/newsletter`, { method: 'POST', headers, agent }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, thanked: text.includes(THANKS), text }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
