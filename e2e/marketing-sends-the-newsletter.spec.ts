import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from './support/test'
import { E2E_PREVIEW_SECRET, flagship } from './support/fixtures'
import { violations } from './support/axe'
import { signIn, staffSite } from './support/staff'
import { openDatabase } from '../lib/db'
import { migrate } from '../lib/db/migrations'
import { seedReaders, sendCommand } from '../scripts/testing/newsletter'

/**
 * Marketing sends the new issue from the browser, on the embedded defaults (PGlite in a folder of
 * its own), while the same server serves readers: a real SMTP server on loopback counts what goes
 * out. 50 confirmed readers are on the list before the site starts; the server sends 10 a second.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const EDITOR = 'editor@intertitle.example'
const MARKETING = 'marketing@intertitle.example'
const READERS = 50

const site = staffSite('intertitle-desk-', {
  env: { NEWSLETTER_SEND_RATE: '10' },
  prepare: async (dataDir) => {
    const db = await openDatabase({ dataDir })
    try {
      await migrate(db)
      await seedReaders(db, { confirmed: READERS, others: 2 })
    } finally {
      await db.close()
    }
  },
})
const inbox = site.inbox
const readersMailed = () =>
  site.smtp.messages.flatMap((m) => m.recipients).filter((r) => /^reader\d+@example\.com$/.test(r))

const desk = (issue = '') => `${site.server.base}/staff/newsletter${issue ? `/${issue}` : ''}`
const progress = (page: Page) => page.getByTestId('send-progress')

test('a signed-out browser gets the sign-in page on every desk URL, and no list', async ({
  page,
}) => {
  for (const url of [desk(), desk('june-2025'), `${desk()}?address=reader1@example.com`]) {
    await page.goto(url)
    await expect(page).toHaveURL(/\/staff\/sign-in$/)
  }
  const csv = await page.request.get(`${desk()}/readers.csv`)
  expect(csv.status()).toBe(401)
  expect(await csv.text()).not.toContain('reader1@example.com')
  // A forged post from elsewhere changes nothing (the front door refuses it before any action).
  const forged = await page.request.post(desk('june-2025'), {
    headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'issue=june-2025',
  })
  expect(forged.status()).toBe(403)
})

test('marketing previews the issue, tests it on themself, and sends it to 50 readers while the site serves readers', async ({
  page,
  browser,
}) => {
  await signIn(page, site.server.base, inbox, MARKETING)
  await page.goto(desk())
  await expect(page.getByText(`${READERS} confirmed readers would get it now`)).toBeVisible()
  const row = page.getByRole('row', { name: /June 2025, No\. 401/ })
  await expect(row).toContainText('Not sent')
  expect(await violations(page), 'the newsletter desk').toEqual([])
  // An issue that does not exist is a 404.
  expect((await page.request.get(desk('no-such-issue'))).status()).toBe(404)
  await row.getByRole('link').click()
  await expect(page).toHaveURL(desk('june-2025'))
  expect(await violations(page), 'an issue’s email').toEqual([])

  // The preview: the plain-text part on the page, the web version one click away.
  await expect(page.getByText(/^Subject: Intertitle, June 2025, No\. 401: /)).toBeVisible()
  await expect(page.locator('pre')).toContainText('/reviews/bird-2024?utm_source=newsletter')
  const web = await page.request.get(
    await page
      .getByRole('link', { name: 'The email as a web page' })
      .evaluate((a) => (a as HTMLAnchorElement).href),
  )
  expect(web.status()).toBe(200)

  // A test to themself: marked, and nobody else gets it.
  const mailed = inbox.to(MARKETING).length
  await page.getByRole('button', { name: `Send a test to me (${MARKETING})` }).click()
  await expect(page.getByText('A test copy is on its way to you.')).toBeVisible()
  const proof = await inbox.next(MARKETING, mailed + 1)
  expect(proof.subject).toMatch(/^\[Test\] Intertitle, June 2025, No\. 401: /)
  expect(readersMailed()).toEqual([])

  // Readers keep reading while it sends.
  const reader = await (await browser.newContext()).newPage()
  const statuses: number[] = []
  let sending = true
  const reading = (async () => {
    while (sending) {
      const response = await reader.goto(`${site.server.base}${flagship.url}`)
      statuses.push(response?.status() ?? 0)
    }
  })()

  try {
    // Send, behind a confirmation naming the issue and the count.
    await page.getByRole('link', { name: `Send to ${READERS} readers…` }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Send June' })).toContainText(
      `Send June 2025, No. 401 to ${READERS} confirmed readers?`,
    )
    await page
      .getByRole('button', { name: `Yes, send June 2025, No. 401 to ${READERS} readers` })
      .click()
    await expect(page.getByText('Sending has started.')).toBeVisible()
    // The page follows the send on its own (no reload here), to the end.
    await expect(progress(page)).toHaveText(`Sent: ${READERS} of ${READERS}`, { timeout: 60_000 })
  } finally {
    sending = false
    await reading.catch(() => undefined)
    await reader.context().close()
  }
  expect(statuses.length).toBeGreaterThan(3)
  expect(statuses.filter((s) => s !== 200)).toEqual([])
  expect(readersMailed().sort()).toEqual(
    Array.from({ length: READERS }, (_, i) => `reader${i + 1}@example.com`).sort(),
  )

  // A second Send never mails anyone twice.
  await page.goto(`${desk('june-2025')}?confirm=1`)
  await expect(page.getByRole('button', { name: /Yes, send/ })).toHaveCount(0)
  await page.goto(desk())
  await expect(page.getByRole('row', { name: /June 2025, No\. 401/ })).toContainText(`Sent`)
  await expect(page.getByRole('row', { name: /June 2025, No\. 401/ })).toContainText(MARKETING)
  // The command for scripts asks the running site, which holds the embedded database: sent.
  const command = spawnSync(process.execPath, sendCommand('june-2025'), {
    env: {
      ...process.env,
      DATA_DIR: site.dataDir,
      SITE_URL: site.server.base,
      PREVIEW_SECRET: E2E_PREVIEW_SECRET,
    },
    encoding: 'utf8',
  })
  expect(command.status, command.stderr).toBe(0)
  expect(command.stderr).toContain(`june-2025: already sent by the site at ${site.server.base}`)
  expect(readersMailed()).toHaveLength(READERS)
})

test('the editor pauses a send and resumes it: each reader gets it once', async ({ page }) => {
  await signIn(page, site.server.base, inbox, EDITOR)
  const before = readersMailed().length
  await page.goto(`${desk('july-2025')}?confirm=1`)
  await page.getByRole('button', { name: /Yes, send July 2025/ }).click()
  await expect(progress(page)).toHaveText(/Sending: ([5-9]|[1-4]\d) of 50/, { timeout: 30_000 })
  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByText('Paused. No more emails go until you resume.')).toBeVisible()
  const paused = readersMailed().length
  // Nothing more goes while it is paused (a message in flight at the click may still land).
  await page.waitForTimeout(3_000)
  expect(readersMailed().length - paused).toBeLessThanOrEqual(4)
  const stopped = readersMailed().length
  await page.waitForTimeout(2_000)
  expect(readersMailed().length).toBe(stopped)
  await page.reload()
  await expect(progress(page)).toHaveText(/^Paused: \d+ of 50$/)
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(page.getByText('Sending has resumed where it stopped.')).toBeVisible()
  await expect(progress(page)).toHaveText('Sent: 50 of 50', { timeout: 60_000 })
  const july = readersMailed().slice(before)
  expect(july).toHaveLength(READERS)
  expect(new Set(july).size).toBe(READERS)
})

test('marketing finds a reader, erases them at their request, and the export no longer lists them', async ({
  page,
}) => {
  await signIn(page, site.server.base, inbox, MARKETING)
  await page.goto(desk())
  await page.getByLabel('Email address').fill('Reader7@EXAMPLE.com')
  await page.getByRole('button', { name: 'Find' }).click()
  // Exact match only: a part of an address finds nobody.
  await expect(page.getByRole('heading', { name: 'reader7@example.com' })).toBeVisible()
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible()
  await page.getByLabel('Email address').fill('eader7@example.com')
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page.getByText('No reader has that address.')).toBeVisible()

  await page.getByLabel('Email address').fill('reader7@example.com')
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('button', { name: 'Erase this reader for good' }).click()
  await expect(page.getByText('The address and its consent record are erased.')).toBeVisible()
  expect(page.url()).not.toContain('reader7')

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download the list as CSV' }).click()
  const csv = readFileSync(await (await download).path(), 'utf8')
  expect(csv).toContain('"reader8@example.com"')
  expect(csv).not.toContain('reader7@')

  // Both requests are recorded, by whom and how many rows, never the address.
  await page.goto(desk())
  const log = page.getByRole('table', { name: /Requests answered/ })
  const by = MARKETING.replace(/\./g, '\\.')
  await expect(log.getByRole('row', { name: /Erased an address/ })).toHaveText(
    new RegExp(`Erased an address\\s*${by}\\s*1$`),
  )
  // 50 readers and 6 who left or never confirmed, less the one erased.
  await expect(log.getByRole('row', { name: /Downloaded the list/ })).toHaveText(
    new RegExp(`Downloaded the list\\s*${by}\\s*55$`),
  )
  await expect(log).not.toContainText('reader7')

  // An unknown address: a message, nothing recorded.
  const response = await page.request.get(`${desk()}?address=nobody@example.com`)
  expect(await response.text()).toContain('No reader has that address.')
})
