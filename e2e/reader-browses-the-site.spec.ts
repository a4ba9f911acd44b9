import type { Page, Request } from '@playwright/test'
import { expect, test } from './support/test'
import { flagship, unpublished } from './support/fixtures'

test('the home page leads with the latest reviews and the current issue', async ({ page }) => {
  await page.goto('/')
  // The lead; the same review may be listed again under "Most read this week", further down.
  await expect(page.getByRole('link', { name: flagship.headline }).first()).toHaveAttribute(
    'href',
    flagship.url,
  )
  await expect(page.getByRole('heading', { name: 'The new issue of Intertitle' })).toBeVisible()
  // The site's name once in the tab, not again after the tagline.
  await expect(page).toHaveTitle('Intertitle — The film monthly')
})

test('/reviews lists published reviews newest first, paginated', async ({ page }) => {
  await page.goto('/reviews')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviews')
  const times = await page
    .locator('main li time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''))
  expect(times.length).toBeGreaterThan(1)
  expect([...times].sort().reverse()).toEqual(times)
  const pager = page.getByRole('navigation', { name: 'Pagination' })
  await pager.getByRole('link', { name: /Older reviews/ }).click()
  await expect(page).toHaveURL(/\/reviews\/page\/2$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviews, page 2')
  const all = [...(await page.locator('main h2 a').allInnerTexts())]
  await page.goto('/reviews')
  all.push(...(await page.locator('main h2 a').allInnerTexts()))
  expect(all).toContain(flagship.headline)
  expect(new Set(all).size).toBe(all.length)
})

test("a listing fetches its first review's picture ahead, and only that one", async ({ page }) => {
  for (const listing of ['/reviews', '/reviews/page/2', '/genres/action']) {
    await page.goto(listing)
    const pictures = page.locator('main li img')
    const first = await pictures.first().getAttribute('srcset')
    expect(first).toBeTruthy()
    const preloads = page.locator('head link[rel="preload"][as="image"]')
    await expect(preloads, listing).toHaveCount(1)
    await expect(preloads).toHaveAttribute('imagesrcset', first!)
    await expect(preloads).toHaveAttribute('fetchpriority', 'high')
    await expect(pictures.first()).toHaveAttribute('fetchpriority', 'high')
    await expect(pictures.nth(1)).toHaveAttribute('loading', 'lazy')
  }
})

const unknownAddresses = [
  '/reviews/no-such-film',
  '/nowhere',
  '/reviews/page/99',
  '/reviews/page/0002',
  '/critics/nobody',
  // Genres, critics, films and issues page like the reviews do; the sample content fills one
  // page of each.
  '/genres/action/page/2',
  `${flagship.critic.url}/page/2`,
  '/genres/no-such-genre/page/2',
  '/films/ballerina-2025/page/2',
  '/issues/july-2025/page/2',
  '/issues/no-such-issue/page/2',
]

// Drawn by the server, so a reader without JavaScript gets it too (a page's own notFound() used to
// answer an empty document that only the scripts filled: components/layout/page-not-found.tsx).
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('an unknown address gets the designed 404 with status 404', async ({ page }) => {
      for (const url of unknownAddresses) {
        const response = await page.goto(url)
        expect(response?.status(), url).toBe(404)
        await expect(page.getByRole('heading', { level: 1 }), url).toHaveText(
          'Lost in the cutting room',
        )
        await expect(page, url).toHaveTitle('Page not found | Intertitle')
        // Never the page's own head: a 404 names no canonical address.
        await expect(page.locator('link[rel="canonical"]'), url).toHaveCount(0)
        // The site's chrome once, whether the 404 came from a page of the site or no page at all.
        await expect(page.getByRole('banner'), url).toHaveCount(1)
        await expect(page.getByRole('main'), url).toHaveCount(1)
        await expect(page.getByRole('contentinfo'), url).toHaveCount(1)
        await expect(page.getByRole('link', { name: 'Skip to main content' }), url).toHaveCount(1)
        await expect(page.getByRole('link', { name: 'Browse all reviews' }), url).toHaveAttribute(
          'href',
          '/reviews',
        )
      }
    })
  })
}

test("a listing's first page has one address: /page/1 redirects to the listing", async ({
  request,
}) => {
  for (const base of [
    '/reviews',
    '/genres/action',
    flagship.critic.url,
    '/films/ballerina-2025',
    '/issues/july-2025',
  ]) {
    const res = await request.get(`${base}/page/1`, { maxRedirects: 0 })
    expect(res.status(), base).toBe(308)
    expect(res.headers()['location'], base).toBe(base)
  }
})

test('drafts and scheduled reviews are neither served nor listed', async ({ request }) => {
  for (const piece of unpublished) {
    expect((await request.get(piece.url)).status(), piece.url).toBe(404)
  }
  for (const url of [
    '/',
    '/reviews',
    '/reviews/page/2',
    '/critics',
    '/issues',
    '/issues/august-2025',
    flagship.url,
  ]) {
    const res = await request.get(url)
    const html = await res.text()
    for (const piece of unpublished) {
      expect(html, `${url} leaks ${piece.url}`).not.toContain(piece.url)
      expect(html, `${url} leaks ${piece.headline}`).not.toContain(piece.headline)
    }
  }
})

test('the critic page lists their reviews', async ({ page }) => {
  await page.goto(flagship.url)
  await page.getByRole('link', { name: flagship.critic.name }).first().click()
  await expect(page).toHaveURL(flagship.critic.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(flagship.critic.name)
  await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
})

test('the theme toggle switches and remembers, without a flash on the next load', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(flagship.url)
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
  const light = await bg()
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
  const dark = await bg()
  expect(dark).not.toBe(light)
  // On reload, the stored theme is applied by the inline script before any paint.
  await page.reload({ waitUntil: 'commit' })
  await page.waitForSelector('html[data-theme="dark"]', { state: 'attached' })
  await page.waitForLoadState('domcontentloaded')
  expect(await bg()).toBe(dark)
})

test('the system dark preference is followed', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
})

test('the header fits the screen: its links on one line, search and theme within reach', async ({
  page,
}) => {
  await page.goto(flagship.url)
  const header = page.getByRole('banner')
  const tops = await header
    .getByRole('navigation', { name: 'Main' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top))
  expect(new Set(tops).size, 'every main link on the same line').toBe(1)
  for (const control of [
    header.getByRole('link', { name: 'Search' }),
    header.getByRole('button', { name: /Switch to/ }),
  ]) {
    const box = (await control.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(44)
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width)
  }
})

test('the search link keeps its place while the theme switch is still on its way', async ({
  page,
}) => {
  // A long page can be painted before the parser reaches the switch: its column is kept for it.
  await page.goto(flagship.url)
  const header = page.getByRole('banner')
  const search = header.getByRole('link', { name: 'Search' })
  const before = await search.boundingBox()
  await header.getByRole('button', { name: /Switch to/ }).evaluate((button) => button.remove())
  expect(await search.boundingBox()).toEqual(before)
})

test('until the text face arrives, its stand-in sets the first screen where the face will', async ({
  context,
}) => {
  // The stand-in is a system serif scaled to Source Serif 4 (app/globals.css): Liberation Serif
  // here, which Debian's Chromium brings. Loaded once without the face, once with it.
  for (const url of ['/reviews', flagship.url]) {
    const firstScreen = async (withFace: boolean) => {
      const page = await context.newPage()
      if (!withFace) await page.route(/\.woff2$/, (route) => route.abort())
      await page.goto(url)
      const blocks = await page.evaluate(async () => {
        await document.fonts.ready
        return [...document.querySelectorAll('main :is(h1, h2, h3, p)')]
          .map((block) => block.getBoundingClientRect())
          .filter((box) => box.top < window.innerHeight)
          .map((box) => [Math.round(box.top), Math.round(box.height)])
      })
      await page.close()
      return blocks
    }
    const stand = await firstScreen(false)
    expect(stand.length, url).toBeGreaterThan(1)
    expect(stand, url).toEqual(await firstScreen(true))
  }
})

/** Whether a request fetches a page ahead (Next asks for the page's React payload). */
const fetchesAhead = (request: Request) => new URL(request.url()).searchParams.has('_rsc')

/** The pages a page fetches ahead, as they happen. */
function pagesFetchedAhead(page: Page): string[] {
  const fetched: string[] = []
  page.on('request', (request) => {
    if (fetchesAhead(request)) fetched.push(new URL(request.url()).pathname)
  })
  return fetched
}

test('a page is fetched ahead when the reader reaches for its link, not when the link comes into view', async ({
  page,
}) => {
  const fetched = pagesFetchedAhead(page)
  await page.goto(flagship.url)
  // Next's own links would have fetched every page linked from the screen by now.
  await page.waitForLoadState('networkidle')
  expect(fetched, 'nothing fetched ahead on sight').toEqual([])

  const reviews = page
    .getByRole('banner')
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reviews', exact: true })
  const ahead = page.waitForRequest(fetchesAhead)
  await reviews.focus()
  expect(new URL((await ahead).url()).pathname).toBe('/reviews')

  // Still a client-side navigation: the document is not loaded again.
  await page.evaluate(() => Object.assign(window, { stayed: true }))
  await reviews.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviews')
  expect(await page.evaluate(() => 'stayed' in window)).toBe(true)
})

test("a listing's cards navigate on the client, and a link opened with a modifier key opens a tab", async ({
  page,
  context,
  isMobile,
}) => {
  const fetched = pagesFetchedAhead(page)
  await page.goto('/reviews')
  await page.waitForLoadState('networkidle')
  expect(fetched, 'nothing fetched ahead on sight').toEqual([])
  await page.evaluate(() => Object.assign(window, { stayed: true }))
  const card = page.getByRole('main').getByRole('article').first()
  const headline = await card.getByRole('heading').innerText()
  const href = (await card.getByRole('link').getAttribute('href')) ?? ''

  // A pointer over the card (its link covers it) fetches the review ahead, once.
  if (!isMobile) {
    const ahead = page.waitForRequest(fetchesAhead)
    await card.hover()
    expect(new URL((await ahead).url()).pathname).toBe(href)

    // Ctrl or Cmd and a click: the browser's own new tab, this page stays where it is.
    const opened = context.waitForEvent('page')
    await card.getByRole('link').click({ modifiers: ['ControlOrMeta'] })
    const tab = await opened
    await tab.waitForLoadState('domcontentloaded')
    expect(new URL(tab.url()).pathname).toBe(href)
    await tab.close()
    await expect(page).toHaveURL(/\/reviews$/)
  }

  // A click (on a phone, a tap) anywhere on the card: the review, without loading the document again.
  if (isMobile) await card.tap()
  else await card.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline)
  expect(new URL(page.url()).pathname).toBe(href)
  expect(await page.evaluate(() => 'stayed' in window)).toBe(true)
  // And back, still the same document.
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviews')
  expect(await page.evaluate(() => 'stayed' in window)).toBe(true)
})
