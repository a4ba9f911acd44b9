import { THEME_SCRIPT } from '../lib/theme.mjs'
import { flagship, publicRoutes } from './support/fixtures'
import {
  directivesOf,
  expectedScriptPolicy,
  inlineScripts,
  policiesOf,
  scriptPolicyOf,
  sha256Source,
  siteHeaderProblems,
} from './support/policy'
import { signupForm, THANKS } from './support/servers'
import { expect, refusalsOn, test } from './support/test'

const madeUpReview = () => `/reviews/no-such-film-${Date.now()}`

test('every response carries the security headers and exactly one script policy, which never allows inline scripts wholesale', async ({
  request,
}) => {
  const home = await (await request.get('/')).text()
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(home)?.[1]
  expect(chunk, 'the home page loads a built script').toBeTruthy()
  const urls = [
    ...publicRoutes,
    '/no-such-page',
    madeUpReview(),
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    `${flagship.critic.url}/feed.xml`,
    '/robots.txt',
    '/sitemap.xml',
    `${flagship.url}/opengraph-image`,
    '/pagefind/pagefind.js',
    chunk!,
    '/api/preview',
  ]
  for (const url of urls) {
    const response = await request.get(url)
    const headers = response.headers()
    expect(headers['x-content-type-options'], url).toBe('nosniff')
    expect(headers['x-frame-options'], url).toBe('DENY')
    expect(headers['strict-transport-security'], url).toMatch(/max-age=\d+/)
    const policies = policiesOf(response)
    expect(directivesOf(policies, 'frame-ancestors'), url).toEqual(["frame-ancestors 'none'"])
    expect(directivesOf(policies, 'object-src'), url).toEqual(["object-src 'none'"])
    expect(directivesOf(policies, 'default-src'), url).toEqual([])
    const scripts = directivesOf(policies, 'script-src')
    expect(scripts, `${url}: one script policy`).toHaveLength(1)
    expect(scripts[0], url).not.toContain("'unsafe-inline'")
    expect(scripts[0], url).not.toContain("'unsafe-eval'")
    expect(scripts[0]!.includes("'wasm-unsafe-eval'"), url).toBe(
      url.startsWith('/search') || url.startsWith('/pagefind/'),
    )
  }
})

test("a cached page's policy names exactly its own inline scripts; a page rendered per request gives each a fresh nonce", async ({
  request,
}) => {
  // Prerendered by the build, and rendered on first request (a made-up review: its 404).
  for (const url of [flagship.url, '/', '/newsletter', '/no-such-page', madeUpReview()]) {
    const response = await request.get(url)
    const html = await response.text()
    expect(inlineScripts(html).length, url).toBeGreaterThan(0)
    expect(scriptPolicyOf(response), url).toBe(expectedScriptPolicy(html))
  }

  const nonces = []
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/search?q=wiseman')
    const nonce = /'nonce-([^']+)'/.exec(scriptPolicyOf(response))?.[1]
    expect(nonce).toBeTruthy()
    for (const { attributes } of inlineScripts(await response.text()).filter(
      (s) => s.body !== THEME_SCRIPT,
    )) {
      expect(attributes).toContain(`nonce="${nonce}"`)
    }
    nonces.push(nonce)
  }
  expect(nonces[0]).not.toBe(nonces[1])
})

test('a browser that already holds a cached page is answered 304, with nothing to download again', async ({
  request,
}) => {
  for (const url of [flagship.url, '/']) {
    const first = await request.get(url)
    const etag = first.headers()['etag']
    expect(etag, url).toMatch(/^W\/"[\w-]+"$/)
    expect((await request.get(url)).headers()['etag'], `${url}: the same version`).toBe(etag)
    const again = await request.get(url, { headers: { 'if-none-match': etag! } })
    expect(again.status(), url).toBe(304)
    expect((await again.body()).length, url).toBe(0)
    const other = await request.get(url, { headers: { 'if-none-match': 'W/"another"' } })
    expect(other.status(), url).toBe(200)
    expect(await other.text(), url).toBe(await first.text())
  }
  // Rendered for each request, so never the same version twice.
  const search = await request.get('/search?q=wiseman')
  expect(search.headers()['etag']).toBeUndefined()
})

test('a cached page and its scripts reach the browser in brotli: the same HTML as in gzip, in fewer bytes', async ({
  page,
  request,
}) => {
  // Its scripts and stylesheet from the copies the build made.
  const built: Record<string, string | undefined> = {}
  page.on('response', (response) => {
    if (/\/_next\/static\/.+\.(?:js|css)$/.test(response.url()))
      built[response.url()] ??= response.headers()['content-encoding']
  })
  // The page is compressed once, in the background, after the cache first hands it out: gzip
  // until then.
  const encoding = async () => (await page.goto(flagship.url))?.headers()['content-encoding']
  await expect.poll(encoding, { timeout: 15_000 }).toBe('br')
  await expect(page.getByRole('heading', { level: 1, name: flagship.headline })).toBeVisible()
  expect(Object.keys(built).length).toBeGreaterThan(3)
  for (const [url, coding] of Object.entries(built)) expect(coding, url).toBe('br')
  const inBrotli = await request.get(flagship.url, { headers: { 'accept-encoding': 'br' } })
  const inGzip = await request.get(flagship.url, { headers: { 'accept-encoding': 'gzip' } })
  expect(inBrotli.headers()['content-encoding']).toBe('br')
  expect(inGzip.headers()['content-encoding']).toBe('gzip')
  expect(inBrotli.headers()['etag']).toBe(inGzip.headers()['etag'])
  expect(await inBrotli.text()).toBe(await inGzip.text())
  expect(Number(inBrotli.headers()['content-length'])).toBeLessThan(14 * 1024)
})

test("a script slipped into a page is refused, while the page's own scripts run", async ({
  browser,
  baseURL,
}) => {
  const slipped = 'window.slipped = true'
  const context = await browser.newContext()
  const page = await context.newPage()
  const refused = refusalsOn(page)
  // The page as the server sent it, headers and all, with one script more: what an injection would look like.
  await page.route(flagship.url, async (route) => {
    const response = await route.fetch()
    const body = (await response.text()).replace('</body>', `<script>${slipped}</script></body>`)
    await route.fulfill({ response, body })
  })
  await page.goto(new URL(flagship.url, baseURL).href)
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/)
  expect(await page.evaluate(() => (window as { slipped?: boolean }).slipped)).toBeUndefined()
  // Chromium names the refused script by its hash: only the slipped one was refused.
  expect(refused).toHaveLength(1)
  expect(refused[0]).toContain(sha256Source(slipped).slice(1, -1))
  await context.close()
})

test('redirects and refusals carry the security headers and a script policy, as pages do', async ({
  request,
}) => {
  const redirects = ['/reviews/ballerina', `${flagship.url}/`, '/reviews/ballerina?from=old']
  for (const url of redirects) {
    const response = await request.get(url, { maxRedirects: 0 })
    expect(response.status(), url).toBe(308)
    expect(response.headers()['location'], url).toMatch(
      new RegExp(`^(https?://[^/]+)?${flagship.url}`),
    )
    expect(siteHeaderProblems(response.headersArray()), url).toEqual([])
  }
  const refusals: [string, string, number][] = [
    ['GET', '/reviews/%ZZ', 400],
    ['DELETE', '/images/stills/ballerina-2025-hero.jpg', 405],
    ['PUT', '/', 405],
    ['GET', madeUpReview(), 404],
  ]
  for (const [method, url, status] of refusals) {
    const response = await request.fetch(url, { method, maxRedirects: 0 })
    expect(response.status(), `${method} ${url}`).toBe(status)
    expect(siteHeaderProblems(response.headersArray()), `${method} ${url}`).toEqual([])
  }
})

test('the page answered to a signup posted without JavaScript gives its scripts a nonce, never inline scripts wholesale', async ({
  request,
  baseURL,
}) => {
  const hidden = await signupForm(baseURL!)
  const multipart: Record<string, string> = Object.fromEntries(hidden)
  multipart.email = `nojs.${Date.now()}@example.com`
  multipart.consent = 'yes'
  const response = await request.post('/newsletter', {
    multipart,
    headers: { origin: baseURL!, 'x-forwarded-for': `10.88.${Date.now() % 250}.7` },
  })
  expect(response.status()).toBe(200)
  const html = await response.text()
  expect(html).toContain(THANKS)
  expect(siteHeaderProblems(response.headersArray())).toEqual([])
  const nonce = /'nonce-([^']+)'/.exec(scriptPolicyOf(response))?.[1]
  expect(nonce, 'a nonce in the script policy').toBeTruthy()
  const scripts = inlineScripts(html).filter((s) => s.body !== THEME_SCRIPT)
  expect(scripts.length).toBeGreaterThan(0)
  for (const { attributes } of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
})
