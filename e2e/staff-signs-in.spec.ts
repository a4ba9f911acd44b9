import { expect, test, type Browser, type Page } from './support/test'
import { flagship, unpublished } from './support/fixtures'
import { violations } from './support/axe'
import { askForLink as askFor, signIn as signInAs, staffSite } from './support/staff'

/**
 * Staff sign in with a link from their email (read from a real SMTP server), then do their work:
 * the editor previews and shares one piece with a freelancer and takes it back; marketing reads
 * which campaigns bring signups. A `next start` of its own on the embedded database, with the
 * staff list of content/staff.yaml.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const EDITOR = 'editor@intertitle.example'
const MARKETING = 'marketing@intertitle.example'
const [lantern, orbital] = unpublished as [(typeof unpublished)[0], (typeof unpublished)[0]]

const site = staffSite('intertitle-staff-')
const inbox = site.inbox

const askForLink = (page: Page, email: string) => askFor(page, site.server.base, email)
const signIn = (page: Page, email: string) => signInAs(page, site.server.base, inbox, email)

const heroOf = (piece: { url: string }) =>
  `${site.server.base}/images/stills/${piece.url.split('/').pop()}-hero.jpg`
const statusOf = async (page: Page, url: string) => (await page.request.get(url)).status()

const freshPage = async (browser: Browser) => (await browser.newContext()).newPage()

test('a signed-out browser sees no staff data on any staff URL', async ({ request }) => {
  for (const url of [
    '/staff',
    '/staff/signups',
    '/staff/newsletter',
    '/staff/newsletter/june-2025',
    `/api/staff/preview?slug=${lantern.url.split('/').pop()}`,
  ]) {
    const response = await request.get(`${site.server.base}${url}`)
    expect(response.url(), url).toBe(`${site.server.base}/staff/sign-in`)
    const html = await response.text()
    expect(html).toContain('Staff sign-in')
    for (const piece of unpublished) expect(html).not.toContain(piece.headline)
    expect(response.headers()['cache-control']).toBe('private, no-store')
    expect(response.headers()['x-robots-tag']).toBe('noindex')
    expect(response.headers()['content-security-policy']).toMatch(/script-src[^;,]*'nonce-/)
  }
  const csv = await request.get(`${site.server.base}/staff/signups.csv`)
  expect(csv.status()).toBe(401)
  expect(await csv.text()).not.toContain('breakdown')
  expect((await request.get(`${site.server.base}/staff/newsletter/readers.csv`)).status()).toBe(401)
  // The staff pages are in no sitemap and no feed.
  for (const file of ['/sitemap.xml', '/feed.xml'])
    expect(await (await request.get(`${site.server.base}${file}`)).text()).not.toContain('/staff')
})

test('an address not on the staff list gets the same answer and no email; staff get a link that works once', async ({
  page,
  browser,
}) => {
  // Asked for without JavaScript: the form posts and the page answers the same.
  const outsider = `someone.${Date.now()}@example.com`
  const plainBrowser = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  await askForLink(plainBrowser, outsider)
  await plainBrowser.context().close()
  await page.goto(`${site.server.base}/staff/sign-in`)
  expect(await violations(page), 'the sign-in page').toEqual([])
  const link = await signIn(page, EDITOR)
  await expect(page).toHaveURL(`${site.server.base}/staff`)
  await expect(page.getByRole('heading', { name: 'The desk' })).toBeVisible()
  expect(await violations(page), 'the desk').toEqual([])
  for (const piece of unpublished)
    await expect(page.getByRole('link', { name: new RegExp(piece.headline) })).toBeVisible()
  expect(inbox.to(outsider)).toHaveLength(0)

  const session = (await page.context().cookies()).find((c) => c.name.endsWith('session_token'))
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })

  // Used once: the same link in another browser asks for a new one.
  const other = await freshPage(browser)
  await other.goto(link)
  await other.getByRole('button', { name: 'Sign in' }).click()
  await expect(other).toHaveURL(/\/staff\/sign-in\?expired=1/)
  await expect(other.getByText(/expired or has been used/)).toBeVisible()
  await other.context().close()
})

test('the editor previews any piece, shares one with a freelancer for 2 hours, then takes it back', async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR)
  // Preview from the desk: every unpublished piece, in preview, never cached.
  await page.getByRole('link', { name: new RegExp(orbital.headline) }).click()
  await expect(page).toHaveURL(`${site.server.base}${orbital.url}`)
  await expect(page.getByText(orbital.word).first()).toBeVisible()
  await expect(page.getByRole('status').getByText('Preview mode.')).toBeVisible()
  expect(await statusOf(page, heroOf(orbital))).toBe(200)

  await page.goto(`${site.server.base}/staff`)
  const row = page.getByRole('row').filter({ hasText: lantern.headline })
  await row.getByRole('combobox').selectOption('2 hours')
  await row.getByRole('button', { name: 'Make link' }).click()
  await expect(page).toHaveURL(/\/staff\?made=/)
  const made = page.getByRole('row').filter({ hasText: '(new)' })
  await expect(made).toContainText(EDITOR)
  const shareUrl = await made.getByRole('textbox').inputValue()
  expect(shareUrl).toContain('/api/preview?')

  const freelancer = await freshPage(browser)
  const opened = await freelancer.goto(shareUrl.replace(/^https?:\/\/[^/]+/, site.server.base))
  await expect(freelancer).toHaveURL(`${site.server.base}${lantern.url}`)
  expect(opened?.headers()['cache-control']).toBe('private, no-store')
  await expect(freelancer.getByText(lantern.word).first()).toBeVisible()
  await expect(freelancer.getByRole('status').getByText('Preview mode.')).toBeVisible()
  // Its cookie opens its piece and nothing else: the other draft and the desk stay shut.
  expect((await freelancer.goto(`${site.server.base}${orbital.url}`))?.status()).toBe(404)
  await freelancer.goto(`${site.server.base}/staff`)
  await expect(freelancer).toHaveURL(/\/staff\/sign-in$/)
  // Its piece's stills, and not the other draft's.
  expect(await statusOf(freelancer, heroOf(lantern))).toBe(200)
  expect(await statusOf(freelancer, heroOf(orbital))).toBe(404)

  // Revoked at the desk: the freelancer's next request gets the 404 and loses the cookies.
  await made.getByRole('button', { name: 'Revoke' }).click()
  await expect(page.getByText(/Revoked: whoever opened that link/)).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: '(new)' })).toHaveCount(0)
  // Still holding the cookies, the freelancer gets neither the piece's stills nor the piece.
  expect(await statusOf(freelancer, heroOf(lantern))).toBe(404)
  expect((await freelancer.goto(`${site.server.base}${lantern.url}`))?.status()).toBe(404)
  const left = (await freelancer.context().cookies()).map((c) => c.name)
  expect(left).not.toContain('__prerender_bypass')
  await freelancer.context().close()

  // Signed out, the editor's own preview ends too.
  await page.goto(`${site.server.base}/staff`)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
  expect((await page.goto(`${site.server.base}${orbital.url}`))?.status()).toBe(404)
})

test('marketing reads which campaigns and reviews bring signups, and downloads them; the desk stays shut', async ({
  page,
  browser,
}) => {
  const campaign = `staff-e2e-${Date.now()}`
  const reader = await freshPage(browser)
  for (const n of [1, 2]) {
    await reader.goto(
      `${site.server.base}${flagship.url}?utm_source=bsky&utm_medium=social&utm_campaign=${campaign}`,
    )
    const form = reader.locator('#newsletter')
    await form.getByLabel('Email address').fill(`reader${n}.${campaign}@example.com`)
    await form.getByRole('checkbox').check()
    await form.getByRole('button', { name: 'Sign up' }).click()
    await expect(reader.getByText(/Please check your inbox/)).toBeVisible()
  }
  await reader.context().close()

  await signIn(page, MARKETING)
  await expect(page).toHaveURL(`${site.server.base}/staff/signups`)
  expect(await violations(page), 'the signups report').toEqual([])
  const byCampaign = page.getByRole('table', { name: 'By campaign' })
  await expect(byCampaign.getByRole('row').filter({ hasText: campaign })).toHaveText(
    new RegExp(`bsky\\s*social\\s*${campaign}\\s*\\(none\\)\\s*2\\s*2\\s*0\\s*0\\s*0`),
  )
  const slug = flagship.url.split('/').pop()!
  await expect(
    page
      .getByRole('table', { name: 'By the review they signed up from' })
      .getByRole('row', { name: slug }),
  ).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download CSV' }).click()
  const file = await (await download).path()
  const csv = (await import('node:fs')).readFileSync(file, 'utf8')
  expect(csv).toContain(`"campaign",,"bsky","social","${campaign}","(none)",,,2,2,0,0,0`)
  expect(csv).toMatch(new RegExp(`"review",,,,,,"${slug}",,\\d+,`))

  // Marketing has no desk: /staff sends them to their report, and no preview opens.
  await page.goto(`${site.server.base}/staff`)
  await expect(page).toHaveURL(`${site.server.base}/staff/signups`)
  expect((await page.goto(`${site.server.base}${lantern.url}`))?.status()).toBe(404)

  // The red team's repros. A post from another site, an opaque one or one with no Origin, riding
  // marketing's cookie, does not sign them out.
  for (const origin of ['http://evil.example', 'null', undefined]) {
    const response = await page.request.post(`${site.server.base}/api/staff/sign-out`, {
      headers: origin ? { origin } : {},
      maxRedirects: 0,
    })
    expect(response.status(), String(origin)).toBe(403)
  }
  await page.goto(`${site.server.base}/staff/signups`)
  await expect(page).toHaveURL(`${site.server.base}/staff/signups`)
  // Better Auth's own endpoint for asking a link answers nobody: no limit to get round, nothing stored.
  const received = inbox.to(MARKETING).length
  for (let i = 0; i < 8; i++) {
    const response = await page.request.post(
      `${site.server.base}/api/staff/auth/sign-in/magic-link`,
      {
        data: { email: MARKETING },
        headers: { origin: site.server.base },
      },
    )
    expect(response.status()).toBe(404)
  }
  // Its own sign-out form still works.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
  expect(inbox.to(MARKETING)).toHaveLength(received)
})
