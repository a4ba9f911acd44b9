import { randomBytes } from 'node:crypto'
import {
  expect,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from './support/test'
import { expiryIn, previewPath, previewToken } from '../lib/preview/signed-link'
import { E2E_PREVIEW_SECRET, flagship, unpublished } from './support/fixtures'
import { scriptPolicyOf } from './support/policy'

const [draft, scheduled] = unpublished as [
  (typeof unpublished)[number],
  (typeof unpublished)[number],
]
const slugOf = (url: string) => url.split('/').pop() ?? ''
const bearer = { authorization: `Bearer ${E2E_PREVIEW_SECRET}` }
const PREVIEW_COOKIES = ['__prerender_bypass', 'intertitle_preview_link']

/** A link signed like the server's but never recorded: only its signature and expiry are real. */
const unrecorded = (slug: string, seconds = 3600) =>
  previewPath(
    previewToken(
      randomBytes(18).toString('base64url'),
      slug,
      E2E_PREVIEW_SECRET,
      expiryIn(seconds),
    ),
  )

/** Makes a share link the way `npm run preview-link` does, through the server that holds the database. */
async function share(request: APIRequestContext, slug: string, seconds = 3600) {
  const response = await request.post('/api/preview/links', {
    headers: bearer,
    data: { slug, seconds, createdBy: 'e2e' },
  })
  expect(response.status()).toBe(201)
  const body = (await response.json()) as { path: string; link: { id: string } }
  return { path: body.path, id: body.link.id }
}

async function revoke(request: APIRequestContext, id: string) {
  const response = await request.post('/api/preview/links/revoke', {
    headers: bearer,
    data: { id, revokedBy: 'e2e' },
  })
  expect(response.status()).toBe(200)
}

async function openPreview(page: Page, slug: string, seconds = 3600) {
  const link = await share(page.request, slug, seconds)
  const response = await page.goto(link.path)
  expect(response?.status()).toBe(200)
  return link
}

const previewCookies = async (context: BrowserContext) =>
  (await context.cookies()).filter((k) => PREVIEW_COOKIES.includes(k.name))

/** A browser that keeps its cookies past the lifetime the server gave them (a skewed clock, a copied cookie). */
async function keepCookiesForever(context: BrowserContext) {
  const cookies = await previewCookies(context)
  expect(cookies.map((k) => k.name).sort()).toEqual(PREVIEW_COOKIES)
  await context.addCookies(cookies.map((k) => ({ ...k, expires: Date.now() / 1000 + 30 * 86400 })))
}

test('a share link shows the draft exactly as readers will see it, with the banner', async ({
  page,
  context,
}) => {
  await openPreview(page, slugOf(draft.url))
  await expect(page).toHaveURL(draft.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(draft.headline)
  await expect(page.locator('[data-preview-state="draft"]')).toContainText(
    'Preview — not published',
  )
  const banner = page.getByRole('status').filter({ hasText: 'Preview mode' })
  await expect(banner.getByRole('link', { name: 'Leave preview' })).toBeVisible()
  await expect(page.locator('[data-release-line]')).toBeVisible()
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

  const response = await page.request.get(draft.url)
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toMatch(/private/)
  expect(response.headers()['cache-control']).toMatch(/no-store/)
  expect(response.headers()['x-robots-tag']).toBe('noindex')
  // Rendered for this request alone: its scripts run by a fresh nonce (and the page fixture fails on any refusal).
  expect(scriptPolicyOf(response)).toMatch(/'nonce-[^']+'/)

  // Both cookies end with the link rather than with the browser session.
  const cookies = await previewCookies(context)
  expect(cookies).toHaveLength(2)
  for (const cookie of cookies) {
    expect(cookie.httpOnly, cookie.name).toBe(true)
    expect(cookie.expires, cookie.name).toBeGreaterThan(Date.now() / 1000)
    expect(cookie.expires, cookie.name).toBeLessThanOrEqual(Date.now() / 1000 + 3600 + 60)
  }
})

test('a share link opens its piece and no other draft, nor the list of them', async ({ page }) => {
  await openPreview(page, slugOf(draft.url))
  expect((await page.goto(scheduled.url))?.status()).toBe(404)
  const other = await page.request.get(scheduled.url)
  expect(await other.text()).not.toContain(scheduled.word)
  expect((await page.goto('/preview'))?.status()).toBe(404)
  // Its own piece is still open: the link itself was not spent.
  expect((await page.goto(draft.url))?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(draft.headline)
})

test('a short-lived link stops working for a browser that opened it and kept its cookies', async ({
  page,
  context,
}) => {
  const link = await share(page.request, slugOf(draft.url), 8)
  // Opened without following the redirect, so the cookies are kept however slow the machine is.
  const opened = await page.request.get(link.path, { maxRedirects: 0 })
  expect(opened.status()).toBe(307)
  expect(opened.headers()['location']).toContain(draft.url)
  await keepCookiesForever(context)
  await expect
    .poll(async () => (await page.goto(draft.url))?.status(), { timeout: 60_000 })
    .toBe(404)
  expect(await page.content()).not.toContain(draft.word)
  expect(await previewCookies(context)).toEqual([])
})

test('a revoked link stops working at once, and the public pages come back', async ({
  page,
  context,
}) => {
  const link = await openPreview(page, slugOf(draft.url))
  await keepCookiesForever(context)
  const kept = await previewCookies(context)
  await revoke(page.request, link.id)
  // A published piece: readers' page, banner gone, cookies cleared on the way.
  expect((await page.goto(flagship.url))?.status()).toBe(200)
  await expect(page).toHaveURL(flagship.url)
  await expect(page.getByText('Preview mode')).toHaveCount(0)
  expect(await previewCookies(context)).toEqual([])
  // And the draft again, with the cookies put back: nothing.
  await context.addCookies(kept)
  expect((await page.goto(draft.url))?.status()).toBe(404)
  // Opening the revoked link again is refused.
  const again = await page.goto(link.path)
  expect(again?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('no longer valid')
})

test('a preview cookie from another build gets the page readers get, its scripts running', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([
    { name: '__prerender_bypass', value: 'from-an-older-build', url: baseURL! },
  ])
  // Next does not take the cookie, so the cached page comes, with the hashes of its scripts.
  expect(scriptPolicyOf(await page.request.get(flagship.url))).toMatch(
    /^script-src 'self'( 'sha256-[^']+')+$/,
  )
  await page.goto(flagship.url)
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/)
})

test('a scheduled piece shows when it goes live', async ({ page }) => {
  await openPreview(page, slugOf(scheduled.url))
  await expect(page.locator('[data-preview-state="scheduled"]')).toContainText('1 January 2099')
})

test('leaving preview hides the draft again', async ({ page }) => {
  await openPreview(page, slugOf(draft.url))
  await page.getByRole('link', { name: 'Leave preview' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByText('Preview mode')).toHaveCount(0)
  expect((await page.goto(draft.url))?.status()).toBe(404)
  expect((await page.goto('/preview'))?.status()).toBe(404)
})

test.describe('refused links say why and leak nothing', () => {
  const cases = [
    {
      name: 'tampered slug',
      path: () => unrecorded('ballerina-2025').replace('ballerina-2025', slugOf(draft.url)),
      status: 403,
      text: 'not valid',
    },
    {
      name: 'expired',
      path: () => unrecorded(slugOf(draft.url), -60),
      status: 403,
      text: 'expired',
    },
    {
      name: 'unsigned',
      path: () => `/api/preview?slug=${slugOf(draft.url)}`,
      status: 401,
      text: 'not signed',
    },
    {
      name: 'wrong secret',
      path: () =>
        previewPath(
          previewToken(
            'AbCdEfGhIjKlMnOpQrSt',
            slugOf(draft.url),
            'another-secret-of-some-length',
            expiryIn(3600),
          ),
        ),
      status: 403,
      text: 'not valid',
    },
    {
      name: 'signed but never recorded',
      path: () => unrecorded(slugOf(draft.url)),
      status: 403,
      text: 'no longer valid',
    },
  ]
  for (const c of cases) {
    test(c.name, async ({ page }) => {
      const response = await page.goto(c.path())
      expect(response?.status()).toBe(c.status)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(c.text)
      const html = await response?.text()
      expect(html).not.toContain(draft.headline)
      expect(html).not.toContain(draft.word)
      const cookies = await page.context().cookies()
      expect(cookies.filter((k) => PREVIEW_COOKIES.includes(k.name))).toEqual([])
      expect((await page.goto(draft.url))?.status()).toBe(404)
    })
  }
})

test("an unpublished piece's stills are unknown images to readers, and shown in its preview", async ({
  page,
  request,
}) => {
  const hero = `/images/stills/${slugOf(draft.url)}-hero.jpg`
  const unknown = '/images/stills/no-such-still.jpg'
  const optimised = (src: string) => `/_next/image?url=${encodeURIComponent(src)}&w=640&q=75`
  // Exactly the answer an image that does not exist gets: nothing tells readers the piece exists.
  for (const [url, likeUnknown] of [
    [hero, unknown],
    [optimised(hero), optimised(unknown)],
  ] as const) {
    const answer = await request.get(url)
    const unknownAnswer = await request.get(likeUnknown)
    expect(answer.status(), url).toBeGreaterThanOrEqual(400)
    expect(answer.status(), url).toBe(unknownAnswer.status())
    expect(answer.headers()['content-type'], url).toBe(unknownAnswer.headers()['content-type'])
  }
  expect((await request.get(`/images/stills/${slugOf(flagship.url)}-hero.jpg`)).status()).toBe(200)

  const link = await openPreview(page, slugOf(draft.url))
  const heroImage = page.locator('article img').first()
  await expect(heroImage).toBeVisible()
  expect(await heroImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  // Shown for this browser's cookie alone: no cache, shared or its own, may keep it.
  for (const url of [hero, optimised(hero)]) {
    const shown = await page.request.get(url)
    expect(shown.status(), url).toBe(200)
    expect(shown.headers()['cache-control'], url).toBe('private, no-store')
    expect(shown.headers()['vary'] ?? '', url).toMatch(/(^|,\s*)Cookie(,|$)/)
  }
  // Revoked, the stills stop at once for the browser that held the link.
  await revoke(page.request, link.id)
  for (const url of [hero, optimised(hero)])
    expect((await page.request.get(url)).status(), url).toBeGreaterThanOrEqual(400)
})

test('the links API takes only the server secret and well-formed requests', async ({ request }) => {
  const post = (path: string, data: unknown, headers: Record<string, string> = bearer) =>
    request.post(path, { headers, data })
  expect(
    (await post('/api/preview/links', { slug: slugOf(draft.url), seconds: 60 }, {})).status(),
  ).toBe(401)
  expect(
    (
      await post(
        '/api/preview/links',
        { slug: slugOf(draft.url), seconds: 60 },
        { authorization: 'Bearer not-the-secret-at-all' },
      )
    ).status(),
  ).toBe(401)
  expect((await request.get('/api/preview/links')).status()).toBe(401)
  expect((await post('/api/preview/links/revoke', { id: 'x'.repeat(20) }, {})).status()).toBe(401)
  for (const data of [
    'not json',
    [],
    { slug: '../etc', seconds: 60 },
    { slug: slugOf(draft.url), seconds: 0 },
    { slug: slugOf(draft.url), seconds: 8 * 86400 },
    { slug: slugOf(draft.url), seconds: '60' },
  ])
    expect((await post('/api/preview/links', data)).status(), JSON.stringify(data)).toBe(400)
  expect((await post('/api/preview/links', { slug: 'no-such-review', seconds: 60 })).status()).toBe(
    404,
  )
  // A published piece has its public address: no share link is made for it.
  const published = await post('/api/preview/links', { slug: slugOf(flagship.url), seconds: 60 })
  expect(published.status()).toBe(409)
  expect((await post('/api/preview/links/revoke', { id: '<script>' })).status()).toBe(400)
  expect((await post('/api/preview/links/revoke', { id: 'x'.repeat(20) })).status()).toBe(404)
})
