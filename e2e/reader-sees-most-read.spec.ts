import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Browser, type Page } from './support/test'
import { flagship, unpublished } from './support/fixtures'
import { startServer, type Server } from './support/servers'
import { pgliteDir } from '../lib/db'
import { migrate } from '../lib/db/migrations'
import { openPglite } from '../lib/db/pglite'

/**
 * Readers read three reviews, one more often than the next; then every reader sees them under
 * "Most read this week", on the home page and under a review, most read first. A draft and a
 * scheduled piece were read far more (views stored while they were public, or by hand: the
 * database holds them, yesterday's rolled up and today's raw) and are never listed. A server of
 * its own, on its own embedded database, asking the database every second
 * (ANALYTICS_MOST_READ_SECONDS=1) so the list follows within a page regeneration (30 s).
 */
test.describe.configure({ timeout: 180_000 })

const READ = [flagship.url, '/reviews/sinners-2025', '/reviews/materialists-2025']
/** How many readers read each of READ: the order the list must show. */
const READERS = [3, 2, 1]

let server: Server
let dataDir: string

/** Views of the unpublished pieces, yesterday and today, far more than any review gets here. */
async function seedUnpublishedViews(dir: string) {
  const db = await openPglite(pgliteDir(dir))
  try {
    await migrate(db)
    await db.query(
      `insert into analytics_events
         (at, day, path, kind, review, referrer, utm_source, utm_medium, utm_campaign, utm_content, device, visitor)
       select date_trunc('minute', now() - d * interval '1 day'),
         ((now() - d * interval '1 day') at time zone 'Europe/London')::date,
         '/reviews/' || slug, 'review', slug, '', '', '', '', '', 'desktop', md5(slug || i || d)
       from unnest(string_to_array($1, ',')) slug, generate_series(1, 50) i, generate_series(0, 1) d`,
      [unpublished.map((piece) => piece.url.split('/').pop()!).join(',')],
    )
  } finally {
    await db.close()
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-most-read-'))
  await seedUnpublishedViews(dataDir)
  server = await startServer({ DATA_DIR: dataDir, ANALYTICS_MOST_READ_SECONDS: '1' })
})
test.afterAll(async () => {
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

let readers = 0

/** A reader of their own address reads `url`; resolves once the page's beacon is counted. */
async function read(browser: Browser, url: string) {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': `10.62.${test.info().parallelIndex}.${++readers}` },
  })
  const page = await context.newPage()
  const beacon = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/analytics', {
    timeout: 20_000,
  })
  await page.goto(`${server.base}${url}`)
  const headline = await page.getByRole('heading', { level: 1 }).textContent()
  expect((await beacon).status()).toBe(202)
  await context.close()
  return headline!
}

/** The headlines listed under "Most read this week" on `page`, in order. */
const mostRead = (page: Page) =>
  page.getByRole('region', { name: 'Most read this week' }).getByRole('listitem').allTextContents()

test('readers see the reviews most read this week, most read first, and never an unpublished piece', async ({
  browser,
  page,
}) => {
  const headlines: string[] = []
  for (const [i, url] of READ.entries())
    for (let n = 0; n < READERS[i]!; n++) headlines[i] = await read(browser, url)

  // This reader's own views are not counted, so the figures stay the readers' above.
  await page.route('**/analytics.js', (route) => route.abort())
  /** The list `url` shows once its page has been regenerated since the views were stored. */
  const listedOn = (url: string, expected: string[]) =>
    expect(async () => {
      await page.goto(`${server.base}${url}`)
      expect(await mostRead(page)).toEqual(expected)
    }).toPass({ timeout: 120_000, intervals: [2_000] })

  await listedOn('/', headlines)
  for (const piece of unpublished)
    await expect(page.getByRole('link', { name: piece.headline })).toHaveCount(0)
  await listedOn('/reviews/superman-2025', headlines)
  // Under a review, the list leaves out the review itself.
  await listedOn(READ[1]!, [headlines[0]!, headlines[2]!])
})
