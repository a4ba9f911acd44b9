import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { env } from '@/lib/env'
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
