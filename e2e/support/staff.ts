import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { signInMessages } from '../../lib/staff/sign-in'
import { startTestSmtp, type TestSmtp } from '../../scripts/testing/smtp'
import { E2E_PREVIEW_SECRET } from './fixtures'
import { mailbox } from './mailbox'
import { startServer, type Server } from './servers'

/** Asks the sign-in page for a link for `email`, as a member of staff does. */
export async function askForLink(page: Page, base: string, email: string) {
  await page.goto(`${base}/staff`)
  await expect(page).toHaveURL(/\/staff\/sign-in$/)
  await page.getByLabel('Your staff email address').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByText(signInMessages.sent)).toBeVisible()
}

/** Signs `page` in as `email` through the link in the email it then receives; gives the link. */
export async function signIn(
  page: Page,
  base: string,
  inbox: ReturnType<typeof mailbox>,
  email: string,
): Promise<string> {
  const received = inbox.to(email).length
  await askForLink(page, base, email)
  const link = inbox.linkIn(await inbox.next(email, received + 1), '/staff/sign-in?token=')
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign in' }).click()
  return link
}

export type StaffSite = {
  smtp: TestSmtp
  server: Server
  /** The embedded database's folder, the site's own. */
  dataDir: string
  /** What the SMTP server received, read as a person reads their inbox. */
  inbox: ReturnType<typeof mailbox>
}

/**
 * A server of the built site for a staff journey's spec: staff sign-in on, the embedded database in
 * a fresh folder (`prepare` may fill it before the server opens it), its mail going to a test SMTP
 * server. Started before the spec's tests and stopped, its folder removed, after them.
 */
export function staffSite(
  prefix: string,
  {
    env = {},
    prepare,
  }: { env?: Record<string, string>; prepare?: (dataDir: string) => Promise<void> } = {},
): StaffSite {
  const site = {
    inbox: mailbox(
      () => site.smtp,
      () => site.server.base,
    ),
  } as StaffSite
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    site.dataDir = mkdtempSync(path.join(tmpdir(), prefix))
    await prepare?.(site.dataDir)
    site.smtp = await startTestSmtp()
    site.server = await startServer((base) => ({
      PREVIEW_SECRET: E2E_PREVIEW_SECRET,
      SMTP_URL: site.smtp.url,
      SITE_URL: base,
      DATA_DIR: site.dataDir,
      ...env,
    }))
  })
  test.afterAll(async () => {
    await site.server?.stop()
    await site.smtp?.stop()
    if (site.dataDir) rmSync(site.dataDir, { recursive: true, force: true })
  })
  return site
}
