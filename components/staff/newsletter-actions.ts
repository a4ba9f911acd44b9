'use server'

import { redirect } from 'next/navigation'
import { getIssueOnSale } from '@/lib/content'
import { oweEmail } from '@/lib/mail/owed'
import { recordRequest } from '@/lib/newsletter/desk'
import { normaliseEmail } from '@/lib/newsletter/email'
import { pauseSend, resumeSend, startSend } from '@/lib/newsletter/send/sender'
import { services } from '@/lib/services'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

/**
 * The newsletter desk's Server Actions (/staff/newsletter): thin, each the signed-in member of
 * staff's one step, then back to the page that says what happened. A slug that names no issue on
 * sale, or a step the send's state does not allow, changes nothing and comes back as a message.
 */
const deskOf = (slug: string, outcome: string) =>
  `/staff/newsletter/${encodeURIComponent(slug)}?done=${outcome}`

/** The issue a form names, if it is on sale (its page public, so its email may go). */
function issueFrom(data: FormData): string {
  const slug = String(data.get('issue') ?? '').slice(0, 200)
  if (!getIssueOnSale(slug)) redirect('/staff/newsletter?problem=unknown-issue')
  return slug
}

/** One copy to the signed-in member of staff, marked as a test; no reader gets it. */
export async function sendTestCopy(data: FormData): Promise<void> {
  const staff = await requireStaff(may.newsletter)
  const issue = issueFrom(data)
  const site = services()
  await oweEmail(await site.database(), {
    kind: 'issue-test',
    to: staff.email,
    cause: `test copy of ${issue} asked for by ${staff.email}`,
    payload: { issue },
  })
  site.emailOwed()
  redirect(deskOf(issue, 'test'))
}

/** "Send to N readers", confirmed: starts the send, or resumes it, or says it went already. */
export async function sendToReaders(data: FormData): Promise<void> {
  const staff = await requireStaff(may.newsletter)
  const issue = issueFrom(data)
  const site = services()
  const started = await startSend(await site.database(), await site.queue(), issue, staff.email)
  site.emailOwed()
  redirect(deskOf(issue, started.outcome))
}

export async function pauseSending(data: FormData): Promise<void> {
  const staff = await requireStaff(may.newsletter)
  const issue = issueFrom(data)
  const paused = await pauseSend(await services().database(), issue, staff.email)
  redirect(deskOf(issue, paused ? 'paused' : 'not-sending'))
}

export async function resumeSending(data: FormData): Promise<void> {
  await requireStaff(may.newsletter)
  const issue = issueFrom(data)
  const site = services()
  const resumed = await resumeSend(await site.database(), await site.queue(), issue)
  site.emailOwed()
  redirect(deskOf(issue, resumed ? 'resumed' : 'not-paused'))
}

/** A reader's request to be forgotten: their address and consent record go, and the emails owed them. */
export async function eraseReader(data: FormData): Promise<void> {
  const staff = await requireStaff(may.newsletter)
  const address = normaliseEmail(String(data.get('address') ?? '').slice(0, 320))
  const site = services()
  const erased = await (await site.subscriberStore()).erase(address)
  if (erased) await recordRequest(await site.database(), 'erase', staff.email, 1)
  // The address is not put in the URL: browsers and logs keep those.
  redirect(`/staff/newsletter?${erased ? 'erased=1' : 'problem=no-reader'}#readers`)
}
