import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './support/test'
import autocannon from 'autocannon'
import { flagship, unpublished } from './support/fixtures'
import { siteHeaderProblems, type HeaderList } from './support/policy'
import { signUp, signupForm, startServer, type Server } from './support/servers'

/**
 * The built site under a bounded load and under hostile input, on a server of its own so
 * that its log can be read: every answer is a 2xx, 3xx or 4xx, never a 5xx, a stack trace or
 * an error in the log.
 */
test.describe.configure({ mode: 'serial' })

let server: Server
let dataDir: string
test.beforeAll(async () => {
  // A server's first answer waits for its database to open: slow on a busy machine.
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
  '/reviews/ballerina-2025/..%5c..%5cnext.config.mjs',
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
  '/critics/hannah-okafor/page/1e3',
  '/genres/action/page/0',
  '/genres/%E2%80%AE/page/2',
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
  '/_next/image?url=%2Fetc%2Fpasswd&w=640&q=75',
  '/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=640&q=75',
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

type RawAnswer = { status: number; headers: HeaderList; body: string }

/**
 * One request written byte for byte on a socket of its own, for what fetch will not send (a
 * request line of our making, TRACE) or would not wait for (an answer given before the body was
 * read): the answer as it arrived, once the server closed the connection.
 */
function rawRequest(base: string, head: string[], body?: Buffer): Promise<RawAnswer> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = net.connect(Number(port), hostname)
    const lines = [...head, `Host: ${hostname}:${port}`, 'Connection: close']
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', (error) => (chunks.length ? undefined : reject(error)))
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [top = '', ...rest] = text.split('\r\n\r\n')
      const [statusLine = '', ...headerLines] = top.split('\r\n')
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers: headerLines.map((line) => {
          const colon = line.indexOf(':')
          return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }
        }),
        body: rest.join('\r\n\r\n'),
      })
    })
    socket.write(`${lines.join('\r\n')}\r\n\r\n`)
    if (body) socket.write(body)
  })
}

const headerList = (response: Response): HeaderList =>
  [...response.headers].map(([name, value]) => ({ name, value }))

/** A refusal the site gives itself: the fitting 4xx, the policy table's headers, nothing leaked. */
function expectRefused(answer: RawAnswer, status: number, what: string) {
  expect.soft(answer.status, what).toBe(status)
  expect.soft(siteHeaderProblems(answer.headers), what).toEqual([])
  expect.soft(answer.body, what).not.toMatch(LEAK)
}

const fromFetch = async (response: Response): Promise<RawAnswer> => ({
  status: response.status,
  headers: headerList(response),
  body: await response.text(),
})

test('a request line without a path, and TRACE, are refused with a 4xx', async () => {
  expectRefused(await rawRequest(server.base, ['GET * HTTP/1.1']), 400, 'GET *')
  expectRefused(await rawRequest(server.base, ['OPTIONS * HTTP/1.1']), 400, 'OPTIONS *')
  for (const path of ['/', flagship.url, '/api/preview', '/feed.xml'])
    expectRefused(await rawRequest(server.base, [`TRACE ${path} HTTP/1.1`]), 405, `TRACE ${path}`)
  expect(logErrors(server.log())).toEqual([])
})

test('built and public files can only be read: other methods get a 405 that says which', async () => {
  const home = await (await fetch(`${server.base}/`)).text()
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(home)?.[1]
  expect(chunk, 'the home page loads a built script').toBeTruthy()
  const files = [chunk!, `/images/stills/${flagship.url.split('/').pop()}-hero.jpg`]
  for (const file of files) {
    expect((await fetch(`${server.base}${file}`)).status, file).toBe(200)
    for (const method of ['OPTIONS', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await rawRequest(server.base, [
        `${method} ${file} HTTP/1.1`,
        'Content-Length: 0',
      ])
      expectRefused(answer, 405, `${method} ${file}`)
      expect
        .soft(answer.headers.find((h) => h.name.toLowerCase() === 'allow')?.value)
        .toBe('GET, HEAD')
    }
  }
  expect(logErrors(server.log())).toEqual([])
})

test('an RSC request with a malformed router state is a 400; a well-formed one is served', async () => {
  for (const path of ['/', flagship.url]) {
    for (const state of ['%7B', 'not-json', encodeURIComponent('{"a":1}')]) {
      const response = await fetch(`${server.base}${path}`, {
        headers: { rsc: '1', 'next-router-state-tree': state },
      })
      expectRefused(await fromFetch(response), 400, `${path} ${state}`)
    }
    const state = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }]))
    const served = await fetch(`${server.base}${path}`, {
      headers: { rsc: '1', 'next-router-state-tree': state },
    })
    expect(served.status, path).toBe(200)
    await served.arrayBuffer()
  }
  expect(logErrors(server.log())).toEqual([])
})

test('an absolute URL in the request line is answered for this site, never redirected to its host', async () => {
  const cases: [string, number][] = [
    [flagship.url, 200],
    [`${flagship.url}/`, 308], // trailing slash
    ['/reviews/ballerina', 308], // the review's redirectFrom
  ]
  for (const [path, status] of cases) {
    const answer = await rawRequest(server.base, [`GET http://evil.example${path} HTTP/1.1`])
    expect.soft(answer.status, path).toBe(status)
    const location = answer.headers.find((h) => h.name.toLowerCase() === 'location')?.value ?? ''
    expect.soft(location, path).not.toContain('evil.example')
    if (status === 308) expect.soft(location, path).toMatch(new RegExp(`${flagship.url}$`))
    expect.soft(siteHeaderProblems(answer.headers), path).toEqual([])
  }
  expect(logErrors(server.log())).toEqual([])
})

/** The signup form's Server Action, named as the page's no-JavaScript form names it. */
const actionId = (hidden: [string, string][]) =>
  hidden
    .map(
      ([name, value]) => /^\$ACTION_ID_(\w+)$/.exec(name)?.[1] ?? /"id":"(\w+)"/.exec(value)?.[1],
    )
    .find(Boolean)

/** The signup form, filled in, as a browser encodes it. */
async function encodedForm(hidden: [string, string][], extra: Record<string, string> = {}) {
  const form = new FormData()
  for (const [name, value] of hidden) form.append(name, value)
  form.append('email', `door.${Date.now()}@example.com`)
  form.append('consent', 'yes')
  for (const [name, value] of Object.entries(extra)) form.append(name, value)
  const request = new Request('http://site', { method: 'POST', body: form })
  return {
    type: request.headers.get('content-type') ?? '',
    body: Buffer.from(await request.arrayBuffer()),
  }
}

test('form posts the site cannot take: another origin 403, a Server Action without a form 400, over 1 MB 413', async () => {
  const hidden = await signupForm(server.base)
  const id = actionId(hidden)
  expect(id, 'the signup form names its Server Action').toBeTruthy()
  const form = await encodedForm(hidden)

  const foreign = await fetch(`${server.base}/newsletter`, {
    method: 'POST',
    headers: {
      origin: 'https://evil.example',
      'content-type': form.type,
      'x-forwarded-for': '10.77.0.1',
    },
    body: form.body,
  })
  expectRefused(await fromFetch(foreign), 403, 'a signup from another origin')

  for (const path of ['/newsletter', flagship.url]) {
    const notAForm = await fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: {
        origin: server.base,
        'next-action': id!,
        'content-type': 'text/plain;charset=UTF-8',
        'x-forwarded-for': '10.77.0.2',
      },
      body: '[]',
    })
    expectRefused(await fromFetch(notAForm), 400, `${path}: a Server Action called with []`)
  }

  const large = await encodedForm(hidden, { note: 'x'.repeat(1024 * 1024 + 1) })
  for (const path of ['/', '/newsletter', flagship.url, '/no-such-page']) {
    const answer = await rawRequest(
      server.base,
      [
        `POST ${path} HTTP/1.1`,
        `Origin: ${server.base}`,
        `Content-Type: ${large.type}`,
        `Content-Length: ${large.body.length}`,
      ],
      // The beginning of the body, as a client has it on the wire when the answer comes: the site
      // answers from the declared length, without waiting for the rest (which it would never read).
      large.body.subarray(0, 64 * 1024),
    )
    expectRefused(answer, 413, `${path}: a ${large.body.length}-byte form`)
  }
  expect(logErrors(server.log())).toEqual([])
})

test("the image optimiser takes only the site's images: a URL that redirects is a 400", async () => {
  const still = `/images/stills/${flagship.url.split('/').pop()}-hero.jpg`
  const redirecting = [
    '/reviews/ballerina',
    `${flagship.url}/`,
    flagship.url,
    still.replace('/stills/', '/stills//'),
    `${still}/`,
  ]
  for (const url of redirecting) {
    const response = await fetch(
      `${server.base}/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`,
      { redirect: 'manual' },
    )
    expectRefused(await fromFetch(response), 400, url)
  }
  const optimised = await fetch(
    `${server.base}/_next/image?url=${encodeURIComponent(still)}&w=640&q=75`,
  )
  expect(optimised.status).toBe(200)
  await optimised.arrayBuffer()
  expect(logErrors(server.log())).toEqual([])
})

test("a draft's still stays unknown under any spelling, directly and through the image optimiser", async () => {
  const hero = `/images/stills/${unpublished[0]!.url.split('/').pop()}-hero.jpg`
  const spellings = [
    hero,
    hero.replace('/stills/the', '/stills/%74he'),
    hero.replace('/stills/', '/stills//'),
    hero.replace('/stills/', '/stills/./'),
  ]
  for (const spelling of spellings) {
    for (const url of [spelling, `/_next/image?url=${encodeURIComponent(spelling)}&w=640&q=75`]) {
      const response = await fetch(`${server.base}${url}`, { redirect: 'manual' })
      expect.soft(response.status, url).not.toBe(200)
      expect.soft(response.status, url).toBeLessThan(500)
      expect.soft(response.headers.get('content-type') ?? '', url).not.toMatch(/^image\//)
      await response.arrayBuffer()
    }
  }
  expect(logErrors(server.log())).toEqual([])
})
