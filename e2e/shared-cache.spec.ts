import { expect, test } from './support/test'
import pg from 'pg'
import { startPostgres, type TestPostgres } from '../scripts/testing/postgres'
import { flagship } from './support/fixtures'
import { expectedScriptPolicy } from './support/policy'
import { startServer, type Server } from './support/servers'

/**
 * Several instances behind one address share regenerated pages through PostgreSQL
 * (ISR_CACHE=postgres, lib/page-cache/postgres.mjs): what one instance renders, the other serves
 * from the shared cache without rendering it again, to a browser as much as to a crawler.
 * Served from the suite's own build: `next start` reads next.config.mjs, and so ISR_CACHE, when it
 * starts (a build with it set differs only in that config; the standalone image is the one place
 * that needs it at build time). The second test checks the entries are in PostgreSQL.
 */
const env = { ISR_CACHE: 'postgres' }

// One pair of servers for all the tests, in order: the second reads what the first cached.
test.describe.configure({ mode: 'serial' })

let postgres: TestPostgres
const servers: Server[] = []

test.beforeAll(async () => {
  test.setTimeout(120_000)
  postgres = await startPostgres()
  for (let i = 0; i < 2; i++)
    servers.push(await startServer({ ...env, DATABASE_URL: postgres.url }))
})

test.afterAll(async () => {
  for (const server of servers) await server.stop()
  await postgres?.stop()
})

test('a page one instance rendered is served by the other from the shared cache', async () => {
  const [a, b] = servers as [Server, Server]
  const get = async (server: Server, url: string) => {
    const res = await fetch(`${server.base}${url}`)
    return {
      status: res.status,
      cache: res.headers.get('x-nextjs-cache'),
      policy: res.headers.get('content-security-policy'),
      html: await res.text(),
    }
  }
  for (const [first, second, url] of [
    [a, b, flagship.url],
    [b, a, flagship.critic.url],
  ] as const) {
    const rendered = await get(first, url)
    expect(rendered.status).toBe(200)
    expect(rendered.cache, `${url} on the instance that renders it`).toBe('MISS')
    const shared = await get(second, url)
    expect(shared.cache, `${url} on the other instance`).toBe('HIT')
    expect(shared.html).toBe(rendered.html)
    // The page's script policy is stored with it: the hashes of its own inline scripts, on both.
    for (const { policy } of [rendered, shared])
      expect(policy).toContain(expectedScriptPolicy(rendered.html))
  }
  for (const server of servers) expect(server.log()).not.toMatch(/error|isr cache/i)
})

test('made-up URLs get their 404 every time and leave nothing in the shared cache', async () => {
  const [a, b] = servers as [Server, Server]
  for (const server of [a, b, a])
    expect((await fetch(`${server.base}/reviews/made-up-slug-for-the-cache`)).status).toBe(404)
  const db = new pg.Client({ connectionString: postgres.url })
  await db.connect()
  try {
    const { rows } = await db.query<{ key: string }>('select key from isr_cache')
    expect(rows.map((r) => r.key).filter((k) => k.includes('made-up-slug'))).toEqual([])
    expect(rows.map((r) => r.key).some((k) => k.endsWith(flagship.url))).toBe(true)
  } finally {
    await db.end()
  }
})

test('a reader moving between pages on the other instance: client navigation reads its payloads from the shared cache', async ({
  page,
}) => {
  const [, b] = servers as [Server, Server]
  await page.goto(`${b.base}/`)
  await page.getByRole('link', { name: flagship.headline }).first().click()
  await expect(page).toHaveURL(`${b.base}${flagship.url}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(flagship.headline)
  await page.getByRole('link', { name: flagship.critic.name }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(flagship.critic.name)
  for (const server of servers) expect(server.log()).not.toMatch(/error|isr cache/i)
})
