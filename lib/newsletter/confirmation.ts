import { createElement } from 'react'
import type { Mailer } from '@/lib/mail'
import { ConfirmationEmail, confirmationSubject } from './emails/confirmation'
import { oneClickUrl } from './emails/links'
import { renderEmail } from './emails/render'
import type { ConfirmationTokens } from './store'

/** Emails a new reader the link that confirms their address (double opt-in). */
export async function sendConfirmation(
  mailer: Mailer,
  email: string,
  { confirmToken, unsubscribeToken }: ConfirmationTokens,
): Promise<void> {
  await mailer.send({
    to: email,
    subject: confirmationSubject,
    ...(await renderEmail(createElement(ConfirmationEmail, { token: confirmToken }))),
    // Every email can be left in one click, this one too: "I never asked for this".
    unsubscribeUrl: oneClickUrl(unsubscribeToken),
  })
}
