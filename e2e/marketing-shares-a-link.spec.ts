import { expect, test, type APIRequestContext } from './support/test'
import { flagship, unpublished } from './support/fixtures'

test.describe.configure({ mode: 'parallel' })

const SITE = 'http://localhost:3000'
type Node = Record<string, unknown> & { '@type'?: string }

async function text(request: APIRequestContext, url: string) {
  const res = await request.get(url)
  expect(res.status(), url).toBe(200)
  return { body: await res.text(), type: res.headers()['content-type'] ?? '' }
}

test('link cards: canonical without campaign parameters, Open Graph article and Twitter tags', async ({
  page,
}) => {
  await page.goto(`${flagship.url}?utm_source=newsletter&utm_campaign=june`)
  const meta = (sel: string) => page.locator(sel).getAttribute('content')
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${SITE}${flagship.url}`,
  )
  expect(await meta('meta[property="og:type"]')).toBe('article')
  expect(await meta('meta[property="og:title"]')).toBe(flagship.headline)
  expect(await meta('meta[property="og:url"]')).toBe(`${SITE}${flagship.url}`)
  expect(await meta('meta[property="article:published_time"]')).toMatch(/^2025-06-0[45]T/)
  expect(await meta('meta[property="article:author"]')).toBe(flagship.critic.name)
  expect(await meta('meta[property="article:section"]')).toBe('Reviews')
  expect(await page.locator('meta[property="article:tag"]').count()).toBeGreaterThan(0)
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image')
  expect(await meta('meta[property="og:image"]')).toContain(`${flagship.url}/opengraph-image`)
  expect(await meta('meta[name="twitter:image"]')).toBe(`${SITE}${flagship.url}/opengraph-image`)
  expect(await meta('meta[name="twitter:image:alt"]')).toBe(flagship.heroAlt)
})

test('every page with a link-card image describes it to X as well', async ({ page }) => {
  for (const path of ['/', '/reviews', flagship.url, '/issues', '/critics', '/newsletter']) {
    await page.goto(path)
    const meta = (sel: string) => page.locator(sel).first().getAttribute('content')
    expect(await meta('meta[property="og:image"]'), path).toBeTruthy()
    expect(await meta('meta[name="twitter:image"]'), path).toBeTruthy()
    expect((await meta('meta[name="twitter:image:alt"]'))?.trim(), path).toBeTruthy()
  }
})

test('the Open Graph image is a 1200×630 PNG, and drafts get none', async ({ request }) => {
  const res = await request.get(`${flagship.url}/opengraph-image`)
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('image/png')
  const png = await res.body()
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  for (const piece of unpublished)
    expect((await request.get(`${piece.url}/opengraph-image`)).status()).toBe(404)
})

test('JSON-LD: one graph with a Review of a Movie, its critic, the publisher and the breadcrumb', async ({
  page,
}) => {
  await page.goto(flagship.url)
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
  expect(scripts).toHaveLength(1)
  const graph = JSON.parse(scripts[0] ?? '')['@graph'] as Node[]
  const byType = (t: string) => graph.find((n) => n['@type'] === t) as Node
  const review = byType('Review')
  expect(review.headline).toBe(flagship.headline)
  const movie = review.itemReviewed as Node
  expect(movie['@type']).toBe('Movie')
  expect(movie.name).toBe('Ballerina')
  expect(movie.dateCreated).toBe('2025')
  expect(movie.director).toEqual([{ '@type': 'Person', name: 'Len Wiseman' }])
  expect(JSON.stringify(movie.actor)).toContain('Ana de Armas')
  expect(movie.image).toMatch(/^http/)
  const author = review.author as Node
  expect(author).toMatchObject({
    '@type': 'Person',
    name: flagship.critic.name,
    url: `${SITE}${flagship.critic.url}`,
  })
  expect((review.publisher as Node)['@id']).toBe((byType('Organization') as Node)['@id'])
  expect(byType('WebSite').url).toBe(`${SITE}/`)
  const crumbs = (byType('BreadcrumbList').itemListElement as Node[]).map((i) => i.name)
  const visible = await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('listitem')
    .allInnerTexts()
  expect(crumbs).toEqual(visible.map((v) => v.replace('/', '').trim()))
})

test('feeds are linked from the head, parse, carry the flagship in full and no draft', async ({
  page,
  request,
}) => {
  await page.goto('/')
  const hrefs = await page
    .locator('link[rel="alternate"][type*="xml"], link[rel="alternate"][type*="json"]')
    .evaluateAll((ls) => ls.map((l) => l.getAttribute('href')))
  expect(hrefs).toEqual([`${SITE}/feed.xml`, `${SITE}/atom.xml`, `${SITE}/feed.json`])
  for (const [url, root] of [
    ['/feed.xml', 'rss'],
    ['/atom.xml', 'feed'],
    [`${flagship.critic.url}/feed.xml`, 'rss'],
  ] as const) {
    const { body, type } = await text(request, url)
    expect(type).toContain('xml')
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml')
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
      }
    }, body)
    expect(parsed, url).toEqual({ error: null, root })
    expect(body).toContain(`${SITE}${flagship.url}`)
    expect(body).toContain('Eve')
    for (const piece of unpublished) expect(body).not.toContain(piece.url)
  }
  const json = JSON.parse((await text(request, '/feed.json')).body) as {
    version: string
    items: { url: string; content_html: string }[]
  }
  expect(json.version).toContain('jsonfeed.org/version/1')
  const item = json.items.find((i) => i.url === `${SITE}${flagship.url}`)
  expect(item?.content_html).toContain('<p>')
  expect(item?.content_html).toContain(flagship.releaseLine.slice(2))
  expect(json.items.some((i) => unpublished.some((p) => i.url.endsWith(p.url)))).toBe(false)
})

test('sitemap dates come from content, robots points at it, and neither mentions a draft', async ({
  request,
}) => {
  const { body } = await text(request, '/sitemap.xml')
  const entry = body.split('<url>').find((u) => u.includes(`<loc>${SITE}${flagship.url}</loc>`))
  expect(entry).toContain('<lastmod>2025-06-04T23:00:00')
  for (const piece of unpublished) expect(body).not.toContain(piece.url)
  for (const path of [
    '/critics',
    flagship.critic.url,
    '/issues/july-2025',
    '/films/ballerina-2025',
    '/genres/action',
  ]) {
    expect(body).toContain(`<loc>${SITE}${path}</loc>`)
  }
  // one file while the site has fewer than 50,000 pages: no parts to ask for
  expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /)
  for (const part of ['/sitemaps/1.xml', '/sitemaps/x.xml'])
    expect((await request.get(part)).status(), part).toBe(404)
  const robots = (await text(request, '/robots.txt')).body
  expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`)
})

test('an old slug answers 308 to the current URL, keeping the query string', async ({
  request,
}) => {
  const res = await request.get('/reviews/ballerina?utm_source=bluesky&ref=1', { maxRedirects: 0 })
  expect(res.status()).toBe(308)
  expect(res.headers().location).toBe(`${flagship.url}?utm_source=bluesky&ref=1`)
})

test('share links are plain URLs with campaign parameters', async ({ page }) => {
  await page.goto(flagship.url)
  const share = page.getByRole('region', { name: 'Share this review' })
  await expect(share.getByRole('button', { name: 'Copy link' })).toBeVisible()
  const hrefs = await share
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  expect(hrefs.length).toBeGreaterThanOrEqual(4)
  for (const href of hrefs) expect(decodeURIComponent(href)).toContain('utm_campaign=share')
  expect(await page.locator('script[src^="http"]').count()).toBe(0)
})

test('films named with their year link to the film page, never in headings or pull quotes', async ({
  page,
}) => {
  await page.goto(flagship.url)
  const filmLinks = page.locator('.prose-review a[href^="/films/"]')
  expect(await filmLinks.count()).toBeGreaterThan(0)
  await expect(filmLinks.first()).toHaveText(/^.+ \(\d{4}\)$/)
  expect(await page.locator('[data-pullquote] a, .prose-review h2 a').count()).toBe(0)
})

test('the critic, genre, film and issue pages render', async ({ page }) => {
  await page.goto('/films/ballerina-2025')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ballerina (2025)')
  await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
  await page.goto('/genres/action')
  await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
  await page.goto('/issues')
  await page
    .getByRole('link', { name: /July 2025/ })
    .first()
    .click()
  await expect(page).toHaveURL('/issues/july-2025')
  await expect(page.getByText('On the cover:')).toBeVisible()
  await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
})
