import { expect, type Page } from '@playwright/test'
import { signInMessages } from '../../lib/staff/sign-in'
import type { mailbox } from './mailbox'

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
