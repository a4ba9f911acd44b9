import { createElement } from 'react'
import type { Composed, OwedKind } from '@/lib/mail/owed'
import { ConfirmationEmail, confirmationSubject } from '@/lib/newsletter/emails/confirmation'
import { oneClickUrl } from '@/lib/newsletter/emails/links'
import { NewIssueEmail, newIssueSubject } from '@/lib/newsletter/emails/new-issue'
import { renderEmail } from '@/lib/newsletter/emails/render'
import { composeNewIssue } from '@/lib/newsletter/new-issue'
import { absoluteUrl } from '@/lib/site'
import { SignInEmail, signInSubject } from '@/lib/staff/sign-in-email'

/** Where the emailed link leads: the sign-in page, holding the token for its Sign in button. */
export const signInPageUrl = (token: string) =>
  absoluteUrl(`/staff/sign-in?${new URLSearchParams({ token })}`)

/** A test copy's unsubscribe link holds no reader's token: it leads to the page, which says so. */
export const TEST_COPY_TOKEN = 'test-copy'

/** An issue's email as a reader holding `unsubscribeToken` gets it. */
export async function composeIssueEmail(
  issueSlug: string,
  unsubscribeToken: string,
): Promise<Composed> {
  const issue = composeNewIssue(issueSlug)
  if (!issue) throw new Error(`There is no issue "${issueSlug}" in content/issues/.`)
  return {
    subject: newIssueSubject(issue),
    ...(await renderEmail(createElement(NewIssueEmail, { issue, unsubscribeToken }))),
    unsubscribeUrl: oneClickUrl(unsubscribeToken),
  }
}

/** A test copy of an issue's email: as readers get it, its subject marked. */
export async function composeTestCopy(issueSlug: string): Promise<Composed> {
  const email = await composeIssueEmail(issueSlug, TEST_COPY_TOKEN)
  return { ...email, subject: `[Test] ${email.subject}` }
}

/** Each kind of owed email (lib/mail/owed.ts), composed from what its record holds. */
export async function composeOwed(
  kind: OwedKind,
  payload: Record<string, string>,
): Promise<Composed> {
  switch (kind) {
    case 'confirmation':
      return {
        subject: confirmationSubject,
        ...(await renderEmail(createElement(ConfirmationEmail, { token: payload.confirmToken! }))),
        // Every email can be left in one click, this one too: "I never asked for this".
        unsubscribeUrl: oneClickUrl(payload.unsubscribeToken!),
      }
    case 'sign-in':
      return {
        subject: signInSubject,
        ...(await renderEmail(createElement(SignInEmail, { href: signInPageUrl(payload.token!) }))),
      }
    case 'issue-test':
      return composeTestCopy(payload.issue!)
  }
}
