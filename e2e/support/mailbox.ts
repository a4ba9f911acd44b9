import type { ParsedMail } from 'mailparser'
import { expect } from '@playwright/test'
import type { TestSmtp } from '../../scripts/testing/smtp'

/** The address as the mail server records it: the site sends to the domain in lower case. */
const lower = (email: string) => email.replace(/@(.*)$/, (_, d: string) => `@${d.toLowerCase()}`)

/**
 * What the test SMTP server received, read as a person reads their inbox: the messages to one
 * address, waiting for the next, and the site's links in them, pointed at the server under test.
 */
export function mailbox(smtp: () => TestSmtp, base: () => string) {
  const to = (email: string) => smtp().messages.filter((m) => m.recipients.includes(lower(email)))
  return {
    to,
    /** Waits until `email` has `count` messages; gives the last. */
    async next(email: string, count: number): Promise<ParsedMail> {
      await expect.poll(() => to(email).length, { timeout: 20_000 }).toBe(count)
      return to(email).at(-1)!
    },
    /** A link of the site's, found in a message's plain-text part, on the test's server. */
    linkIn(message: ParsedMail, pathname: string): string {
      const found = new RegExp(`https?://[^\\s]+${pathname.replace(/[/?]/g, '\\$&')}[^\\s]*`).exec(
        message.text ?? '',
      )?.[0]
      expect(found, `${pathname} in:\n${message.text}`).toBeTruthy()
      const url = new URL(found!)
      return `${base()}${url.pathname}${url.search}`
    },
  }
}
