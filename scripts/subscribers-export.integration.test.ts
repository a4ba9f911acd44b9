import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consentText } from '@/lib/newsletter/form'
import { pgliteDir } from '@/lib/db'
import { openStore } from '@/lib/newsletter/store'

const run = promisify(execFile)
const SLOW = 60_000

/** Runs a subscribers script as `npm run subscribers:<name>` would, on the embedded database in `dataDir`. */
async function subscribers(
  name: 'export' | 'erase',
  dataDir: string,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = [
    'tsx',
    '--tsconfig',
    'tsconfig.scripts.json',
    `scripts/subscribers-${name}.ts`,
    ...args,
  ]
  // DATABASE_URL blank, not absent: a developer's .env.local must not point the export elsewhere.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
  try {
    const { stdout, stderr } = await run('npx', command, { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
    return { code, stdout, stderr }
  }
}

const exportFrom = (dataDir: string) => subscribers('export', dataDir)

type Result = Awaited<ReturnType<typeof exportFrom>>

describe('npm run subscribers:export', { timeout: SLOW }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-export-'))
  const elsewhere = path.join(dataDir, 'not-the-site')
  /** Needs no database, so it runs in its own process while this one seeds the other. */
  let fromNowhere: Promise<Result>
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  beforeAll(async () => {
    fromNowhere = exportFrom(elsewhere)
    const store = await openStore({ dataDir })
    try {
      const zoe = await store.signUp({
        email: 'zoe@example.com',
        consentedAt: new Date('2025-06-01T09:00:00.000Z'),
        consentText,
        sourcePath: '/reviews/ballerina-2025',
        sourceReview: 'ballerina-2025',
        utm: { source: 'newsletter', campaign: '=HYPERLINK("http://evil.example","click")' },
      })
      const al = await store.signUp({
        email: 'al@example.com',
        consentedAt: new Date('2025-06-02T10:30:00.000Z'),
        consentText,
        sourcePath: '/',
        utm: {},
      })
      await store.signUp({
        email: 'Mo@example.com',
        consentedAt: new Date('2025-06-03T11:45:30.250Z'),
        consentText: 'An older "wording", with a comma\nand a line break.',
        sourceIssue: 'issue-3',
        utm: { medium: 'social', content: '-1+2', term: 'silent film' },
      })
      // Zoe confirms; Al confirms, then leaves; Mo never confirms.
      for (const reader of [zoe, al])
        await store.confirm(reader.confirmation!.confirmToken, new Date('2025-06-02T12:00:00.000Z'))
      await store.unsubscribe(
        al.confirmation!.unsubscribeToken,
        new Date('2025-07-01T12:00:00.000Z'),
      )
    } finally {
      await store.close()
    }
  }, SLOW)

  it('writes a header and every subscriber in signup order, as RFC 4180 CSV, every text cell quoted', async () => {
    const result = await exportFrom(dataDir)
    expect(result.stderr).toContain('Exported 3 subscribers from')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        'email,status,consented_at,consent_text,consent_version,confirmed_at,unsubscribed_at,bounced_at,source_path,source_review,source_issue,utm_source,utm_medium,utm_campaign,utm_content,utm_term'
          .split(',')
          .map((name) => `"${name}"`)
          .join(','),
        `"zoe@example.com","confirmed","2025-06-01T09:00:00.000Z","${consentText}",,"2025-06-02T12:00:00.000Z",,,"/reviews/ballerina-2025","ballerina-2025",,"newsletter",,"'=HYPERLINK(""http://evil.example"",""click"")",,`,
        `"al@example.com","unsubscribed","2025-06-02T10:30:00.000Z","${consentText}",,"2025-06-02T12:00:00.000Z","2025-07-01T12:00:00.000Z",,"/",,,,,,,`,
        `"Mo@example.com","pending","2025-06-03T11:45:30.250Z","An older ""wording"", with a comma\nand a line break.",,,,,,,"issue-3",,"social",,"'-1+2","silent film"`,
        '',
      ].join('\r\n'),
    )
  })

  it('fails, naming the process, while the site holds the embedded database', async () => {
    const site = await openStore({ dataDir })
    try {
      const result = await exportFrom(dataDir)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`is in use by process ${process.pid} (is the site running?)`)
      expect(result.stdout).toBe('')
    } finally {
      await site.close()
    }
  })

  it('fails rather than create an empty database where there is none', async () => {
    const result = await fromNowhere
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`there is no subscriber database at ${pgliteDir(elsewhere)}`)
    expect(result.stdout).toBe('')
    expect(existsSync(elsewhere)).toBe(false)
  })

  // Last: it changes the list the tests above export.
  it('npm run subscribers:erase forgets an address and its consent record, and says so', async () => {
    const erased = await subscribers('erase', dataDir, ['mo@EXAMPLE.com'])
    expect(erased.code, erased.stderr).toBe(0)
    expect(erased.stderr).toContain('Erased mo@example.com and its consent record.')
    const after = await exportFrom(dataDir)
    expect(after.stdout).not.toMatch(/mo@example\.com/i)
    expect(after.stderr).toContain('Exported 2 subscribers')
    const again = await subscribers('erase', dataDir, ['mo@example.com'])
    expect(again.stderr).toContain('is not on the list: nothing to erase')
  })
})
