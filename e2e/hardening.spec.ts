import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import net from 'node:net'
import path from 'node:path'
import { expect, test } from './test'
import autocannon from 'autocannon'
import { unpublished } from './fixtures'
import { signUp, signupForm, startServer, type Server } from './server'

/**
 * The built site under a bounded load and under hostile input, on a server of its own so
 * that its log can be read: every answer is a 2xx, 3xx or 4xx, never a 5xx, a stack trace or
 * an error in the log.
 */
test.describe.configure({ mode: 'serial' })

let server: Server
let dataDir: string
test.beforeAll(async () => {
  test.setTimeout(120_000)
  dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-hardening-'))
  // The default configuration: no proxy in front is trusted to name the client.
  server = await startServer({ DATA_DIR: dataDir, TRUSTED_PROXIES: '0' })
})
test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Errors in the server's log; Next also logs an image it refuses (a 4xx, fittingly), which is not one. */
const logErrors = (log: string) =>
  log
    .replace(/\u001b\[[0-9;]*m/g, '') // colours
    .split('\n')
    .filter(
      (line) => /error|⨯/i.test(line) && !/internal image response failed for .* 4\d\d$/.test(line),
    )

/** What a stack trace or a framework error page looks like in a body. */
const LEAK = /\n\s+at [\w.<>]+ \(|node_modules|Internal Server Error|webpack-internal|\bENOENT\b/

async function publicRoutes(base: string): Promise<string[]> {
  const sitemap = await (await fetch(`${base}/sitemap.xml`)).text()
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
  return [
    ...pages,
    '/search',
    '/search?q=wiseman',
    '/newsletter',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/robots.txt',
    '/sitemap.xml',
    '/no-such-page',
  ]
}

test('50 connections over every public route: no 5xx, no error in the server log', async () => {
  test.setTimeout(90_000)
  const routes = await publicRoutes(server.base)
  expect(routes.length).toBeGreaterThan(30)
  const statuses = new Map<number, number>()
  const result = await autocannon({
    url: server.base,
    connections: 50,
    duration: 8,
    requests: routes.map((p) => ({ method: 'GET', path: p })),
    setupClient: (client) =>
      client.on('response', (status: number) =>
        statuses.set(status, (statuses.get(status) ?? 0) + 1),
      ),
  })
  expect(result.errors, 'connection errors').toBe(0)
  expect(result.requests.total).toBeGreaterThan(routes.length)
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([])
  expect(logErrors(server.log())).toEqual([])
})

const oddPaths = [
  '/reviews/..%2f..%2f..%2fetc%2fpasswd',
  '/reviews/%2e%2e/%2e%2e/package.json',
  '/../../etc/passwd',
  '/reviews/ballerina-2025/..%5c..%5cnext.config.ts',
  `/reviews/${'a'.repeat(3000)}`,
  '/reviews/%F0%9F%8E%AC-ballerina',
  '/reviews/ballerina-2025%00',
  '/reviews/%ZZ',
  '/reviews/BALLERINA-2025',
  '/reviews/page/0',
  '/reviews/page/-1',
  '/reviews/page/99999999999999999999',
  '/reviews/page/1e3',
  '/critics/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '/genres/%E2%80%AE',
  '/films/ballerina-2025%20',
  '/issues/2025-07',
  ...unpublished.map((u) => `${u.url}/opengraph-image`),
  '/search?q=%',
  '/search?q=%E0%A4%A',
  `/search?q=${'x'.repeat(10_000)}`,
  '/search?q=a&q=b&genre=%00&critic[]=x&year=abcd',
  '/search?year=99999&genre=../../etc',
  '/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '/feed.xml?%',
  '/api/preview?slug=ballerina-2025&expires=abc&signature=%ZZ',
  `/api/preview?slug=${'z'.repeat(5000)}`,
  '/api/preview/exit?next=https://evil.example',
  '/_next/image?url=%2Fetc%2Fpasswd&w=64&q=75',
  '/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=64&q=75',
  '/_next/static/..%2f..%2fpackage.json',
]

test('odd URLs get a fitting answer, never a 5xx or a stack trace', async () => {
  for (const p of oddPaths) {
    const res = await fetch(`${server.base}${p}`, { redirect: 'manual' })
    const body = await res.text()
    expect.soft(res.status, p).toBeLessThan(500)
    expect.soft(body, p).not.toMatch(LEAK)
    expect.soft(body, p).not.toContain('<script>alert(1)</script>')
  }
  expect(logErrors(server.log())).toEqual([])
})

test('made-up review addresses get their 404 every time and leave nothing in the page cache', async () => {
  const slug = `probe-${Date.now()}`
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${server.base}/reviews/${slug}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('x-nextjs-cache'), 'rendered again, not kept').toBe('MISS')
  }
  expect(existsSync(path.join('.next', 'server', 'app', 'reviews', `${slug}.html`))).toBe(false)
})

test('a page number is served only as written canonically; padded ones are 404s the cache does not keep', async () => {
  expect((await fetch(`${server.base}/reviews/page/2`)).status).toBe(200)
  for (const page of ['0002', '02', '01', '+2', '2.0']) {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.base}/reviews/page/${encodeURIComponent(page)}`, {
        redirect: 'manual',
      })
      expect(res.status, page).toBe(404)
      expect(res.headers.get('x-nextjs-cache'), `${page}: rendered again, not kept`).not.toBe('HIT')
    }
    expect(
      existsSync(path.join('.next', 'server', 'app', 'reviews', 'page', `${page}.html`)),
      page,
    ).toBe(false)
  }
})

test('with no trusted proxy, a made-up X-Forwarded-For does not get past the signup rate limit', async () => {
  const hidden = await signupForm(server.base)
  const answers = []
  // signUp names a new client address in X-Forwarded-For on every call, as an attacker would.
  for (let i = 0; i < 7; i++)
    answers.push(await signUp(server.base, hidden, `limit.${i}.${Date.now()}@example.com`))
  expect(answers.every((answer) => answer.status < 500)).toBe(true)
  expect(answers.filter((answer) => answer.thanked).length).toBeLessThanOrEqual(5)
})

test('odd headers get a fitting answer, never a 5xx', async () => {
  const cases: Record<string, string>[] = [
    { 'accept-language': 'x'.repeat(8000) },
    { cookie: `__prerender_bypass=${'%'.repeat(3000)}; __next_preview_data=garbage` },
    { 'x-forwarded-for': 'not-an-address, ::ffff:zz, 999.999.999.999' },
    { 'x-forwarded-host': 'evil.example' },
    { accept: 'text/x-unknown;;q=abc' },
    { 'if-modified-since': 'yesterday' },
    { range: 'bytes=99999999-' },
  ]
  for (const headers of cases) {
    for (const p of ['/', '/reviews/ballerina-2025', '/search?q=eve']) {
      const res = await fetch(`${server.base}${p}`, { headers, redirect: 'manual' })
      expect.soft(res.status, `${p} ${JSON.stringify(headers).slice(0, 80)}`).toBeLessThan(500)
      expect.soft(await res.text()).not.toMatch(LEAK)
    }
  }
})

test('odd form entries are answered on the form, never with a 5xx', async () => {
  const hidden = await signupForm(server.base)
  const entries: Record<string, string>[] = [
    { email: 'x'.repeat(100_000) },
    { email: `${'a'.repeat(300)}@example.com` },
    { email: 'ünïcødé@exämple.com' },
    { email: 'a@b' },
    { email: '"quoted"@example.com\r\nBcc: victim@example.com' },
    { email: '<script>alert(1)</script>@example.com' },
    { email: '' },
    { consent: '' },
    { source_path: '/../../etc/passwd', source_review: 'x'.repeat(5000), source_issue: '\u0000' },
    { utm_source: 'x'.repeat(10_000), utm_campaign: '\u0007bell' },
  ]
  for (const extra of entries) {
    const answer = await signUp(server.base, hidden, 'fuzz@example.com', extra)
    expect.soft(answer.status, JSON.stringify(extra).slice(0, 80)).toBeLessThan(500)
    expect.soft(answer.text).not.toMatch(LEAK)
    expect.soft(answer.text).not.toContain('<script>alert(1)</script>')
  }
  // A request that is not the form at all: a made-up action, a broken body.
  const requests: { headers: Record<string, string>; body: string }[] = [
    {
      headers: {
        origin: server.base,
        'next-action': 'f'.repeat(42),
        'content-type': 'text/plain;charset=UTF-8',
      },
      body: '["$K1"]',
    },
    {
      headers: { origin: server.base, 'content-type': 'multipart/form-data; boundary=nope' },
      body: '--nope\r\nbroken',
    },
    {
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'email=a%40b.com&consent=yes',
    },
  ]
  for (const init of requests) {
    const res = await fetch(`${server.base}/newsletter`, { method: 'POST', ...init })
    expect.soft(res.status, JSON.stringify(init.headers)).toBeLessThan(500)
    expect.soft(await res.text()).not.toMatch(LEAK)
  }
})

/** One request written byte for byte, as a client that does not follow the rules would. */
async function raw(base: string, head: string, body: Buffer = Buffer.alloc(0)) {
  const { hostname, port } = new URL(base)
  return new Promise<{ status: number; headers: Map<string, string[]>; text: string }>(
    (resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(`${head}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`)
        socket.end(body)
      })
      const chunks: Buffer[] = []
      socket.on('data', (chunk) => chunks.push(chunk))
      // A server that refuses a large body answers and closes before reading it all: what it
      // answered counts, not the rest of the upload.
      socket.on('error', (error) => (chunks.length ? undefined : reject(error)))
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('latin1')
        const [top = '', ...lines] = text.split('\r\n\r\n')[0]!.split('\r\n')
        const headers = new Map<string, string[]>()
        for (const line of lines) {
          const [name = '', ...value] = line.split(':')
          const key = name.trim().toLowerCase()
          headers.set(key, [...(headers.get(key) ?? []), value.join(':').trim()])
        }
        resolve({ status: Number(top.split(' ')[1]), headers, text })
      })
    },
  )
}

/** The site's headers: security headers and one script policy without 'unsafe-inline'. */
function expectSiteHeaders(headers: Map<string, string[]>, what: string) {
  for (const name of ['strict-transport-security', 'x-content-type-options', 'x-frame-options'])
    expect.soft(headers.get(name), `${what}: ${name}`).toBeTruthy()
  const policies = headers.get('content-security-policy') ?? []
  const scripts = policies.flatMap((p) => p.split(';').map((d) => d.trim()))
  const scriptPolicies = scripts.filter((d) => d.startsWith('script-src'))
  expect.soft(scriptPolicies, `${what}: one script policy`).toHaveLength(1)
  expect.soft(scriptPolicies[0] ?? '', what).not.toContain("'unsafe-inline'")
  expect
    .soft(
      scripts.some((d) => d.startsWith('frame-ancestors')),
      `${what}: base policy`,
    )
    .toBe(true)
}

test('requests Next would answer with a 500 get a fitting 4xx, with the site headers', async () => {
  const chunk = (await (await fetch(`${server.base}/reviews`)).text()).match(
    /\/_next\/static\/[^"]+\.js/,
  )?.[0]
  expect(chunk).toBeTruthy()
  const form = 'content-type: application/x-www-form-urlencoded'
  const big = Buffer.alloc(1_200_000, 'a')
  const cases: { head: string; body?: Buffer; status: number }[] = [
    { head: 'GET * HTTP/1.1', status: 400 },
    { head: 'OPTIONS * HTTP/1.1', status: 400 },
    { head: 'TRACE / HTTP/1.1', status: 405 },
    ...['OPTIONS', 'PUT', 'DELETE', 'PATCH'].flatMap((method) => [
      { head: `${method} /images/stills/ballerina-2025-hero.jpg HTTP/1.1`, status: 405 },
      { head: `${method} ${chunk} HTTP/1.1`, status: 405 },
    ]),
    {
      head: `POST / HTTP/1.1\r\ncontent-type: multipart/form-data; boundary=x\r\ncontent-length: ${big.length}`,
      body: big,
      status: 413,
    },
    {
      head: `POST /newsletter HTTP/1.1\r\n${form}\r\norigin: https://evil.example\r\ncontent-length: 27`,
      body: Buffer.from('email=a%40b.com&consent=yes'),
      status: 403,
    },
    {
      head: `POST /newsletter HTTP/1.1\r\ncontent-type: text/plain\r\nnext-action: ${'f'.repeat(42)}\r\norigin: ${server.base}\r\ncontent-length: 2`,
      body: Buffer.from('[]'),
      status: 400,
    },
    {
      head: 'GET /reviews/ballerina-2025 HTTP/1.1\r\nRSC: 1\r\nNext-Router-State-Tree: %%%bad',
      status: 400,
    },
    {
      head: `GET /_next/image?url=${encodeURIComponent('/reviews/ballerina')}&w=640&q=75 HTTP/1.1`,
      status: 400,
    },
  ]
  for (const { head, body, status } of cases) {
    const what = head.split('\r\n')[0]!
    const answer = await raw(server.base, head, body)
    expect.soft(answer.status, what).toBe(status)
    expect.soft(answer.text, what).not.toMatch(LEAK)
    expectSiteHeaders(answer.headers, what)
  }
  expect(logErrors(server.log())).toEqual([])
})

test('an absolute URL in the request line is answered for this site, never sent to that host', async () => {
  for (const target of ['/reviews/ballerina-2025', '/reviews/ballerina', '/']) {
    const answer = await raw(server.base, `GET http://evil.example${target} HTTP/1.1`)
    expect(answer.status, target).toBeLessThan(400)
    for (const location of answer.headers.get('location') ?? [])
      expect(location, target).not.toContain('evil.example')
  }
})

test('redirects and refusals carry the site headers too', async () => {
  for (const path of ['/reviews/ballerina', '/reviews/ballerina-2025/', '/critics/']) {
    const answer = await raw(server.base, `GET ${path} HTTP/1.1`)
    expect(answer.status, path).toBe(308)
    expectSiteHeaders(answer.headers, path)
  }
  expectSiteHeaders((await raw(server.base, 'GET /reviews/%ZZ HTTP/1.1')).headers, '400')
  expectSiteHeaders((await raw(server.base, 'GET /no-such-page HTTP/1.1')).headers, '404')
})

test('the page answered to a signup without JavaScript runs its scripts by a nonce', async () => {
  const hidden = await signupForm(server.base)
  const answer = await signUp(server.base, hidden, `nonce.${Date.now()}@example.com`)
  expect(answer.status).toBe(200)
  expect(answer.policies.join('; ')).toMatch(/script-src 'self'[^;]* 'nonce-[^']+'/)
  expect(answer.policies.join('; ')).not.toContain("'unsafe-inline'")
})
