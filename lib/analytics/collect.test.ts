import { describe, expect, it } from 'vitest'
import { createBatcher } from './batcher'
import { collect, type Collector } from './collect'
import { pageOf } from './pages'
import type { StoredView } from './store'
import { createViewLimiter } from './visitor'

const HOST = 'intertitle.test'
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'
const PUBLIC = new Set(['/', '/reviews/ballerina-2025', '/critics/hannah-okafor', '/reviews'])

/** A collector whose batch is never written: the test reads what it queued. */
function collector(limit = 30) {
  const stored: StoredView[] = []
  const c: Collector = {
    resolvePage: (path) => (PUBLIC.has(path) ? pageOf(path) : undefined),
    salts: { saltFor: async (day) => `salt-of-${day}` },
    limiter: createViewLimiter(limit),
    batcher: createBatcher<StoredView>({
      write: async (views) => void stored.push(...views),
      intervalMs: 60_000,
    }),
    trustedProxies: 1,
    now: () => new Date('2026-07-01T10:00:30Z'),
  }
  return { c, stored, flush: () => c.batcher.flush() }
}

function beacon(
  body: unknown,
  headers: Record<string, string> = {},
  raw = typeof body === 'string' ? body : JSON.stringify(body),
) {
  const bytes = new TextEncoder().encode(raw)
  return new Request(`http://${HOST}/api/analytics`, {
    method: 'POST',
    body: bytes,
    headers: {
      host: HOST,
      origin: `http://${HOST}`,
      'sec-fetch-site': 'same-origin',
      'content-type': 'text/plain;charset=UTF-8',
      'content-length': String(bytes.byteLength),
      'user-agent': CHROME,
      'x-forwarded-for': '203.0.113.9',
      ...headers,
    },
  })
}

const view = { p: '/reviews/ballerina-2025', q: '', r: '', w: 1280 }

describe('the beacon endpoint', () => {
  it('counts a page view with its campaign, the referrer host only and the device', async () => {
    const { c, stored, flush } = collector()
    const response = await collect(
      beacon({
        ...view,
        q: '?utm_source=bluesky&utm_medium=social&utm_campaign=july&utm_content=poster&x=1',
        r: 'https://www.example.org/some/long/path?secret=token#part',
        w: 390,
      }),
      c,
    )
    expect(response.status).toBe(202)
    await flush()
    expect(stored).toHaveLength(1)
    const [saved] = stored
    expect(saved).toMatchObject({
      path: '/reviews/ballerina-2025',
      kind: 'review',
      review: 'ballerina-2025',
      referrer: 'example.org',
      source: 'bluesky',
      medium: 'social',
      campaign: 'july',
      content: 'poster',
      device: 'phone',
    })
    // Nothing that identifies the reader: no address, no user agent, no full referrer.
    const text = JSON.stringify(saved)
    for (const secret of ['203.0.113.9', 'Chrome', 'secret=token', '/some/long/path'])
      expect(text).not.toContain(secret)
  })

  it('counts what each kind of page is, and this site as no referrer', async () => {
    const { c, stored, flush } = collector()
    for (const p of ['/', '/critics/hannah-okafor', '/reviews'])
      expect((await collect(beacon({ ...view, p, r: `https://${HOST}/x` }), c)).status).toBe(202)
    await flush()
    expect(stored.map((s) => [s.kind, s.review, s.referrer])).toEqual([
      ['home', '', ''],
      ['critic', '', ''],
      ['other', '', ''],
    ])
  })

  it.each([
    ['a body over 1 KB', { raw: JSON.stringify({ ...view, q: 'x'.repeat(2000) }) }, 413],
    ['a length over 1 KB', { headers: { 'content-length': '5000' } }, 413],
    ['no length', { headers: { 'content-length': '' } }, 411],
    ['not JSON', { raw: '{"p":' }, 400],
    ['JSON of another shape', { raw: JSON.stringify({ p: 'reviews', w: 1 }) }, 400],
    ['an extra field', { raw: JSON.stringify({ ...view, ip: '1.2.3.4' }) }, 400],
    [
      'a form instead of text',
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
    ],
    ['another site', { headers: { origin: 'https://evil.example' } }, 403],
    ['an opaque origin', { headers: { origin: 'null' } }, 403],
    ['no origin', { headers: { origin: '' } }, 403],
    ['a cross-site fetch', { headers: { 'sec-fetch-site': 'cross-site' } }, 403],
    ['an unknown path', { raw: JSON.stringify({ ...view, p: '/reviews/no-such-film' }) }, 404],
    ['a draft', { raw: JSON.stringify({ ...view, p: '/reviews/the-lantern-keeper-2025' }) }, 404],
  ] as const)('refuses %s with a 4xx and counts nothing', async (_, bad, status) => {
    const { c, stored, flush } = collector()
    const headers: Record<string, string> = { ...('headers' in bad ? bad.headers : {}) }
    const request = beacon(view, headers, 'raw' in bad ? bad.raw : JSON.stringify(view))
    // An empty value stands for a header the request does not send.
    for (const [name, value] of Object.entries(headers))
      if (value === '') request.headers.delete(name)
    const response = await collect(request, c)
    expect(response.status).toBe(status)
    await flush()
    expect(stored).toEqual([])
  })

  it.each([
    [
      'a crawler',
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    ],
    ['a headless browser', { 'user-agent': 'Mozilla/5.0 HeadlessChrome/140.0.0.0 Safari/537.36' }],
    ['no user agent', { 'user-agent': '' }],
    ['Global Privacy Control', { 'sec-gpc': '1' }],
    ['Do Not Track', { dnt: '1' }],
    ['an editor previewing', { cookie: '__prerender_bypass=abc' }],
  ] as const)('answers %s with a 204 and counts nothing', async (_, headers) => {
    const { c, stored, flush } = collector()
    const request = beacon(view, headers)
    if (headers['user-agent' as keyof typeof headers] === '') request.headers.delete('user-agent')
    expect((await collect(request, c)).status).toBe(204)
    await flush()
    expect(stored).toEqual([])
  })

  it('does not count a staff page', async () => {
    const { c } = collector()
    expect((await collect(beacon({ ...view, p: '/staff/analytics' }), c)).status).toBe(204)
  })

  it('limits each visitor per minute, and not the next visitor', async () => {
    const { c, stored, flush } = collector(3)
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await collect(beacon(view), c)).status)
    expect(statuses).toEqual([202, 202, 202, 429, 429])
    expect((await collect(beacon(view, { 'x-forwarded-for': '198.51.100.7' }), c)).status).toBe(202)
    await flush()
    expect(stored).toHaveLength(4)
  })

  it('keeps campaign values as text, without control characters, at most 100 characters', async () => {
    const { c, stored, flush } = collector()
    const q = new URLSearchParams({
      utm_source: '=HYPERLINK("http://evil.example")',
      utm_campaign: '<script>alert(1)</script>\u202e\u0007',
      utm_content: 'x'.repeat(150),
    })
    expect((await collect(beacon({ ...view, q: `?${q}` }), c)).status).toBe(202)
    await flush()
    expect(stored[0]).toMatchObject({
      source: '=HYPERLINK("http://evil.example")',
      campaign: '<script>alert(1)</script>',
      content: 'x'.repeat(100),
    })
  })
})
