import { expect, test, type Page } from './test'
import { previewPath, previewToken } from '../lib/preview/signed-link'
import { E2E_PREVIEW_SECRET, flagship, unpublished } from './fixtures'
import { scriptPolicyOf } from './policy'

const [draft, scheduled] = unpublished as [
  (typeof unpublished)[number],
  (typeof unpublished)[number],
]
const slugOf = (url: string) => url.split('/').pop() ?? ''
const link = (slug: string, hours = 1) => previewPath(previewToken(slug, E2E_PREVIEW_SECRET, hours))

async function openPreview(page: Page, slug: string) {
  const response = await page.goto(link(slug))
  expect(response?.status()).toBe(200)
}

test('a signed link shows the draft exactly as readers will see it, with the banner', async ({
  page,
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

test('a scheduled piece shows when it goes live, and /preview lists every unpublished piece', async ({
  page,
}) => {
  await openPreview(page, slugOf(scheduled.url))
  await expect(page.locator('[data-preview-state="scheduled"]')).toContainText('1 January 2099')
  await page.goto('/preview')
  const rows = page.getByRole('row')
  await expect(rows.filter({ hasText: draft.headline })).toContainText('Draft')
  await expect(rows.filter({ hasText: scheduled.headline })).toContainText('Scheduled')
  await rows.filter({ hasText: draft.headline }).getByRole('link').click()
  await expect(page).toHaveURL(draft.url)
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
      path: () => link('ballerina-2025').replace('ballerina-2025', slugOf(draft.url)),
      status: 403,
      text: 'not valid',
    },
    {
      name: 'expired',
      path: () => previewPath(previewToken(slugOf(draft.url), E2E_PREVIEW_SECRET, -1)),
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
      path: () => previewPath(previewToken(slugOf(draft.url), 'another-secret-of-some-length', 1)),
      status: 403,
      text: 'not valid',
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
      expect(cookies.find((k) => k.name === '__prerender_bypass')).toBeUndefined()
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

  await openPreview(page, slugOf(draft.url))
  const heroImage = page.locator('article img').first()
  await expect(heroImage).toBeVisible()
  expect(await heroImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  expect((await page.request.get(hero)).status()).toBe(200)
})
