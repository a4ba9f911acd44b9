import { expect, test, type Browser, type BrowserContext, type Page } from './support/test'
import { E2E_PREVIEW_SECRET, flagship, unpublished } from './support/fixtures'
import { violations } from './support/axe'
import { staffSite } from './support/staff'

/**
 * Readers arrive at reviews from a social post, the newsletter, a search engine and a hostile
 * link; a bot, a reader with Global Privacy Control, one with Do Not Track, a preview, a 404 and a
 * page whose beacon script is blocked add nothing. Marketing then reads exactly those views,
 * visitors, sources and the funnel to the signup one of them made. A server of its own (its own
 * embedded database), so the totals are this test's alone.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const MARKETING = 'marketing@intertitle.example'
const OTHER_REVIEW = '/reviews/sinners-2025'
const SLUG = flagship.url.split('/').pop()!

const site = staffSite('intertitle-analytics-')
const inbox = site.inbox

let readers = 0

/** A reader of their own: the project's device (desktop or phone), and their own address. */
async function reader(
  browser: Browser,
  extra: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor } = test.info().project.use
  const context = await browser.newContext({
    viewport,
    userAgent,
    isMobile,
    hasTouch,
    deviceScaleFactor,
    ...extra,
    extraHTTPHeaders: {
      'x-forwarded-for': `10.61.${test.info().parallelIndex}.${++readers}`,
      ...extra.extraHTTPHeaders,
    },
  })
  return { context, page: await context.newPage() }
}

/** Opens `url` (or runs `go`) and gives the status of the beacon the page then sends. */
async function beaconOf(page: Page, go: () => Promise<unknown>): Promise<number> {
  const beacon = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/analytics', {
    timeout: 20_000,
  })
  await go()
  return (await beacon).status()
}

const at = (path: string) => `${site.server.base}${path}`

test('marketing reads exactly what readers from each link did, and the funnel to a signup', async ({
  browser,
  page,
}) => {
  const device = test.info().project.use.isMobile ? 'phone' : 'desktop'
  const campaign = `july-push-${device}`
  const email = `reader.${device}.${Date.now()}@example.com`

  // A, from a social post with a campaign; they sign up under the review and confirm.
  const a = await reader(browser)
  const social = `?utm_source=bluesky&utm_medium=social&utm_campaign=${campaign}`
  expect(
    await beaconOf(a.page, () =>
      a.page.goto(at(`${flagship.url}${social}`), { referer: 'https://bsky.app/profile/someone' }),
    ),
  ).toBe(202)
  // Counting keeps nothing in the reader's browser: no cookie, no storage. (The one entry is the
  // signup form's own: the campaign a visit landed with, for the tab's session, lib/campaign/.)
  expect(await a.context.cookies()).toEqual([])
  expect(
    await a.page.evaluate(async () => ({
      cookie: document.cookie,
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).length,
    })),
  ).toEqual({ cookie: '', local: [], session: ['intertitle:campaign'], databases: 0 })
  const form = a.page.locator('#newsletter')
  await form.getByLabel('Email address').fill(email)
  await form.getByRole('checkbox').check()
  await form.getByRole('button', { name: 'Sign up' }).click()
  await expect(a.page.getByText(/Please check your inbox/)).toBeVisible()
  const confirmation = await inbox.next(email, 1)
  await a.page.goto(inbox.linkIn(confirmation, '/newsletter/confirm?t='))
  await a.page.getByRole('button', { name: 'Confirm' }).click()
  await expect(a.page.getByRole('heading', { name: 'You are on the list' })).toBeVisible()
  await a.context.close()

  // B, from the newsletter's email: two reviews.
  const b = await reader(browser)
  const fromEmail = '?utm_source=newsletter&utm_medium=email&utm_campaign=july-2025'
  for (const review of [flagship.url, OTHER_REVIEW])
    expect(await beaconOf(b.page, () => b.page.goto(at(`${review}${fromEmail}`)))).toBe(202)
  await b.context.close()

  // C, from a search engine to the home page, then to the reviews by the site's own link.
  const c = await reader(browser)
  expect(
    await beaconOf(c.page, () =>
      c.page.goto(at('/'), { referer: 'https://search.example/?q=film+reviews' }),
    ),
  ).toBe(202)
  const nav = c.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reviews' })
  expect(await beaconOf(c.page, () => nav.click())).toBe(202)
  await expect(c.page).toHaveURL(at('/reviews'))
  await c.context.close()

  // D, from a link someone wrote to inject a formula and markup.
  const d = await reader(browser)
  const hostile = new URLSearchParams({
    utm_source: '<b>bold</b>',
    utm_medium: 'partner',
    utm_campaign: '=HYPERLINK("http://evil.example")',
  })
  expect(await beaconOf(d.page, () => d.page.goto(at(`${flagship.url}?${hostile}`)))).toBe(202)
  await d.context.close()

  // None of these add anything.
  const bot = await reader(browser, {
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  })
  expect(await beaconOf(bot.page, () => bot.page.goto(at(flagship.url)))).toBe(204)
  for (const header of [{ 'sec-gpc': '1' }, { dnt: '1' }] as Record<string, string>[]) {
    const opted = await reader(browser, { extraHTTPHeaders: header })
    expect(await beaconOf(opted.page, () => opted.page.goto(at(flagship.url)))).toBe(204)
    await opted.context.close()
  }
  await bot.context.close()
  // An editor's preview of a draft, through a share link made as `npm run preview-link` makes one.
  const preview = await reader(browser)
  const shared = await preview.page.request.post(at('/api/preview/links'), {
    headers: { authorization: `Bearer ${E2E_PREVIEW_SECRET}` },
    data: { slug: unpublished[0]!.url.split('/').pop(), seconds: 600, createdBy: 'e2e' },
  })
  expect(shared.status()).toBe(201)
  const { path: sharePath } = (await shared.json()) as { path: string }
  expect(
    await beaconOf(preview.page, async () => {
      await preview.page.goto(at(sharePath))
      await expect(preview.page).toHaveURL(at(unpublished[0]!.url))
    }),
  ).toBe(204)
  await preview.context.close()
  const lost = await reader(browser)
  expect(
    await beaconOf(lost.page, async () => {
      expect((await lost.page.goto(at('/reviews/no-such-film-2025')))?.status()).toBe(404)
    }),
  ).toBe(404)
  await lost.context.close()
  // With the script blocked the page still works, and counts nothing.
  const blocked = await reader(browser)
  await blocked.page.route('**/analytics.js', (route) => route.abort())
  await blocked.page.goto(at(flagship.url))
  await expect(blocked.page.getByRole('heading', { level: 1 })).toHaveText(flagship.headline)
  await blocked.page.getByRole('link', { name: 'Reviews' }).first().click()
  await expect(blocked.page).toHaveURL(at('/reviews'))
  await blocked.context.close()

  // Marketing signs in and reads it.
  await page.goto(at('/staff'))
  await page.getByLabel('Your staff email address').fill(MARKETING)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  const link = inbox.linkIn(await inbox.next(MARKETING, 1), '/staff/sign-in?token=')
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(at('/staff/signups'))
  // The signups report has its chart too.
  await expect(
    page.getByRole('img', { name: /Signups and confirmations per day, last 30 days/ }),
  ).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Staff' })
    .getByRole('link', { name: 'Analytics' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analytics')
  await page.getByLabel('Period').selectOption('7')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(at('/staff/analytics?days=7'))
  // Views are stored within a second of their beacon.
  await expect(async () => {
    await page.reload()
    await expect(page.getByText(/views, .* visitors \(daily visitors added up\)/)).toHaveText(
      '6 views, 4 visitors (daily visitors added up) in the last 7 days.',
    )
  }).toPass({ timeout: 20_000 })

  const response = await page.request.get(at('/staff/analytics?days=7'))
  expect(response.headers()['cache-control']).toBe('private, no-store')
  expect(response.headers()['x-robots-tag']).toBe('noindex')
  expect(response.headers()['content-security-policy']).toMatch(/'nonce-/)

  await expect(
    page.getByRole('img', { name: /Views and visitors per day, last 7 days/ }),
  ).toBeVisible()
  const table = (name: string) => page.getByRole('table', { name })
  const row = (name: string, text: RegExp) => table(name).getByRole('row').filter({ hasText: text })
  await expect(row('Top reviews', new RegExp(`^${SLUG}`))).toHaveText(
    new RegExp(`${SLUG}\\s*3\\s*3`),
  )
  await expect(row('Top reviews', /sinners-2025/)).toHaveText(/sinners-2025\s*1\s*1/)
  await expect(row('Sources: the sites readers came from', /bsky\.app/)).toHaveText(
    /bsky\.app\s*1\s*1/,
  )
  await expect(row('Sources: the sites readers came from', /search\.example/)).toHaveText(
    /search\.example\s*1\s*1/,
  )
  await expect(table('Sources: the sites readers came from').getByRole('row')).toHaveCount(3)
  await expect(
    row('The newsletter: clicks from each issue’s email (utm_medium=email)', /july-2025/),
  ).toHaveText(new RegExp(`july-2025\\s*${SLUG} \\(1\\), sinners-2025 \\(1\\)\\s*2\\s*1`))
  await expect(row('Campaigns: views → signups → confirmed', new RegExp(campaign))).toHaveText(
    new RegExp(`bluesky\\s*social\\s*${campaign}\\s*1\\s*1\\s*1\\s*1`),
  )
  const pageRow = (path: string) =>
    table('Every page')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: path, exact: true }) })
  await expect(pageRow('/')).toHaveText(/^\/\s*home\s*1\s*1$/)
  await expect(pageRow('/reviews')).toHaveText(/^\/reviews\s*other\s*1\s*1$/)
  await expect(row('Phone or desktop (by the width of the window)', new RegExp(device))).toHaveText(
    new RegExp(`${device}\\s*6\\s*4`),
  )
  // Hostile values are shown as text, never as markup.
  const campaigns = table('Campaigns (utm_*)')
  await expect(campaigns.getByText('<b>bold</b>')).toBeVisible()
  await expect(campaigns.getByText('=HYPERLINK("http://evil.example")')).toBeVisible()
  await expect(campaigns.locator('b')).toHaveCount(0)
  expect(await violations(page), 'the analytics page').toEqual([])

  // Each table's CSV: formulas neutralised, every text quoted.
  const download = page.waitForEvent('download')
  await campaigns
    .locator('xpath=..')
    .getByRole('link', { name: /Download “Campaigns \(utm_\*\)” as CSV/ })
    .click()
  const csv = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8')
  expect(csv.split('\r\n')[0]).toBe(
    '"utm_source","utm_medium","utm_campaign","utm_content","Views","Visitors"',
  )
  expect(csv).toContain(
    `"<b>bold</b>","partner","'=HYPERLINK(""http://evil.example"")","(none)",1,1`,
  )
  const funnelCsv = await page.request.get(at('/staff/analytics.csv?days=7&table=funnel'))
  expect(await funnelCsv.text()).toContain(`"bluesky","social","${campaign}",1,1,1,1`)
  expect((await page.request.get(at('/staff/analytics.csv?days=7&table=nope'))).status()).toBe(404)

  // One review's page.
  await table('Top reviews').getByRole('link', { name: SLUG }).click()
  await expect(page).toHaveURL(at(`/staff/analytics/reviews/${SLUG}?days=7`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(flagship.headline)
  await expect(page.getByText(/3 views, 3 visitors/)).toBeVisible()
  await expect(row('Campaigns (utm_*)', /newsletter/)).toHaveText(
    /newsletter\s*email\s*july-2025\s*\(none\)\s*1\s*1/,
  )
  await expect(row('Sources: the sites readers came from', /bsky\.app/)).toHaveText(
    /bsky\.app\s*1\s*1/,
  )
  expect((await page.goto(at('/staff/analytics/reviews/the-lantern-keeper-2025')))?.status()).toBe(
    404,
  )
})

test('the beacon endpoint refuses what is not a beacon of this site', async ({ request }) => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    request.post(at('/api/analytics'), {
      data: body,
      headers: {
        origin: site.server.base,
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36',
        ...headers,
      },
    })
  const view = JSON.stringify({ p: flagship.url, q: '', r: '', w: 1200 })
  expect((await post(view)).status()).toBe(202)
  expect((await post(view, { origin: 'https://evil.example' })).status()).toBe(403)
  expect((await post('{"p":')).status()).toBe(400)
  expect(
    (await post(JSON.stringify({ p: flagship.url, q: 'x'.repeat(3000), r: '', w: 1 }))).status(),
  ).toBe(413)
  expect((await post(JSON.stringify({ p: '/nowhere', q: '', r: '', w: 1 }))).status()).toBe(404)
  expect((await request.get(at('/api/analytics'))).status()).toBe(405)
  expect(site.server.log()).not.toMatch(/analytics: could not/)
})
