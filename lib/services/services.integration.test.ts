import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
import { openDatabase } from '@/lib/db'
import { startPostgres } from '@/scripts/testing/postgres'
import { createServices } from './index'

describe("the site's services", { timeout: 60_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-services-'))
  const site = createServices({
    ...env,
    DATA_DIR: dataDir,
    PREVIEW_SECRET: undefined,
    SMTP_URL: undefined,
  })
  afterAll(async () => {
    await (await site.database()).close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('makes each service once, on first use, and shares it', async () => {
    expect(site.database()).toBe(site.database())
    const db = await site.database()
    expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }])
    expect(site.subscriberStore()).toBe(site.subscriberStore())
    expect(site.signupLimiter()).toBe(site.signupLimiter())
    expect(site.mailer()).toBe(site.mailer())
    await site
      .mailer()
      .send({ to: 'ann@example.com', subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' })
    expect(readdirSync(path.join(dataDir, 'outbox'))).toHaveLength(1)
  })

  it('has no staff sign-in without PREVIEW_SECRET, and one shared with it', () => {
    expect(site.staffAuth()).toBeUndefined()
    const staffed = createServices({
      ...env,
      DATA_DIR: dataDir,
      PREVIEW_SECRET: 'a-test-secret-of-enough-length',
    })
    expect(staffed.staffAuth()).toBeDefined()
    expect(staffed.staffAuth()).toBe(staffed.staffAuth())
  })

  it('tries a database that failed to open again on the next call', async () => {
    const down = createServices({ ...env, DATABASE_URL: 'postgres://127.0.0.1:1/nothing' })
    const first = down.database()
    await expect(first).rejects.toThrow()
    const second = down.database()
    expect(second).not.toBe(first)
    await expect(second).rejects.toThrow()
  })
})

describe('a clean stop of the services', { timeout: 120_000 }, () => {
  const view = (n: number) => ({
    path: '/reviews/ballerina-2025',
    kind: 'review' as const,
    review: 'ballerina-2025',
    referrer: '',
    source: 'stop-test',
    medium: '',
    campaign: '',
    content: '',
    device: 'desktop' as const,
    at: new Date(),
    visitor: `visitor-${n}`,
  })

  for (const name of ['PGlite', 'PostgreSQL'] as const)
    it(`on ${name}: stores the views still in the batch, stops the worker, closes the database`, async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-services-stop-'))
      const postgres = name === 'PostgreSQL' ? await startPostgres() : undefined
      try {
        const config = { databaseUrl: postgres?.url, dataDir }
        const site = createServices({
          ...env,
          DATA_DIR: dataDir,
          DATABASE_URL: config.databaseUrl,
          PREVIEW_SECRET: undefined,
          SMTP_URL: undefined,
        })
        await site.worker()
        const analytics = await site.analytics()
        for (let n = 0; n < 250; n++) expect(analytics.batcher.push(view(n))).toBe(true)
        // Queued for the next flush, a second away: the stop must not wait for it, nor lose it.
        expect(analytics.batcher.queued).toBe(250)
        await site.stop()
        await expect((await site.database()).query('select 1')).rejects.toThrow()
        // Closed: the embedded database's folder can be opened again, by another owner.
        const db = await openDatabase(config)
        try {
          const [row] = await db.query<{ n: number }>(
            `select count(*)::int as n from analytics_events where utm_source = 'stop-test'`,
          )
          expect(row?.n).toBe(250)
        } finally {
          await db.close()
        }
      } finally {
        await postgres?.stop()
        rmSync(dataDir, { recursive: true, force: true })
      }
    })
})
