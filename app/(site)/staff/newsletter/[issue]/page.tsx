// A staff page is rendered per request and streamed: <PageNotFound /> would go out as a 200 there
// (components/layout/page-not-found.tsx); staff browsers run scripts, so Next's own 404 serves.
// eslint-disable-next-line no-restricted-imports
import { notFound } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { Link } from '@/components/ui/link'
import {
  pauseSending,
  resumeSending,
  sendTestCopy,
  sendToReaders,
} from '@/components/staff/newsletter-actions'
import { Notice } from '@/components/staff/notice'
import { RefreshWhile } from '@/components/staff/refresh-while'
import { StaffNav } from '@/components/staff/staff-nav'
import { primaryButton, secondaryButton } from '@/components/staff/styles'
import { getIssueOnSale } from '@/lib/content'
import { formatDateTime, formatIssueMonth } from '@/lib/format'
import { doneOf, statusOf, totalOf } from '@/lib/newsletter/desk'
import { webVersionPath } from '@/lib/newsletter/emails/links'
import { sendStates } from '@/lib/newsletter/send/sender'
import { pageMetadata } from '@/lib/seo/metadata'
import { services } from '@/lib/services'
import { composeIssueEmail, TEST_COPY_TOKEN } from '@/lib/services/emails'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

// Per request: who is signed in decides everything on it.
export const dynamic = 'force-dynamic'

export const metadata = pageMetadata({
  title: 'An issue’s email',
  description: 'Preview, test and send one issue’s email.',
  path: '/staff/newsletter',
  noindex: true,
})

/** What the page says after each step (`?done=`): the outcomes of lib/newsletter/send/sender.ts. */
const outcomes: Record<string, { text: string; problem?: boolean }> = {
  test: { text: 'A test copy is on its way to you.' },
  started: { text: 'Sending has started.' },
  resumed: { text: 'Sending has resumed where it stopped.' },
  sending: { text: 'This issue is being sent already: nobody will get it twice.', problem: true },
  'already-sent': { text: 'This issue has been sent: nobody will get it twice.', problem: true },
  paused: { text: 'Paused. No more emails go until you resume.' },
  'not-sending': {
    text: 'There is nothing to pause: the send is finished or paused.',
    problem: true,
  },
  'not-paused': { text: 'There is nothing to resume: the send is not paused.', problem: true },
}

/**
 * One issue's email: the preview (the web version, and the plain-text part as readers' clients
 * show it), a test copy to oneself, and the send itself behind a confirmation, with its progress,
 * Pause and Resume.
 */
export default async function IssueEmailPage({
  params,
  searchParams,
}: PageProps<'/staff/newsletter/[issue]'>) {
  const staff = await requireStaff(may.newsletter)
  const { issue: slug } = await params
  const issue = getIssueOnSale(slug)
  if (!issue) notFound()
  const query = await searchParams
  const site = services()
  const db = await site.database()
  const [sends, counts, preview] = await Promise.all([
    sendStates(db),
    (await site.subscriberStore()).countByStatus(),
    composeIssueEmail(slug, TEST_COPY_TOKEN),
  ])
  const send = sends.find((s) => s.issue === slug)
  const status = statusOf(send)
  const title = `${formatIssueMonth(issue.month)}, No. ${issue.number}`
  const readers = counts.confirmed
  const confirming = query.confirm === '1' && status === 'not-sent'
  const outcome = outcomes[String(query.done ?? '')]
  const hidden = <input type="hidden" name="issue" value={slug} />

  return (
    <>
      <StaffNav staff={staff} />
      <PageHeader
        title={title}
        crumbs={[
          { name: 'Newsletter', href: '/staff/newsletter' },
          { name: title, href: `/staff/newsletter/${slug}` },
        ]}
      >
        The email for this issue, as readers will get it. Send yourself a test first.
      </PageHeader>
      <Notice text={outcome?.text} problem={outcome?.problem} />
      <RefreshWhile active={status === 'sending'} />

      <section aria-labelledby="send" className="mb-12 font-sans">
        <h2 id="send" className="mb-3 font-serif text-2xl font-bold">
          Sending
        </h2>
        <div aria-live="polite" className="mb-4">
          {!send ? (
            <p>
              Not sent. It would go to {readers} confirmed {readers === 1 ? 'reader' : 'readers'}{' '}
              now.
            </p>
          ) : (
            <>
              <p className="text-lg font-semibold" data-testid="send-progress">
                {status === 'sent' ? 'Sent' : status === 'paused' ? 'Paused' : 'Sending'}:{' '}
                {doneOf(send)} of {totalOf(send)}
              </p>
              <p className="text-muted">
                {send.sent} sent, {send.bounced} bounced, {send.skipped} left the list while queued,{' '}
                {send.waiting} waiting. Started {formatDateTime(send.startedAt)}
                {send.startedBy ? ` by ${send.startedBy}` : ''}
                {status === 'sent' && send.lastAt
                  ? `; finished ${formatDateTime(send.lastAt)}`
                  : ''}
                {status === 'paused' && send.pausedAt
                  ? `; paused ${formatDateTime(send.pausedAt)}${send.pausedBy ? ` by ${send.pausedBy}` : ''}`
                  : ''}
                .
              </p>
              {status === 'sending' ? (
                <p className="text-muted text-sm">
                  This page updates itself while it sends; without JavaScript, reload it.
                </p>
              ) : null}
            </>
          )}
        </div>
        {status === 'not-sent' && !confirming ? (
          <Link
            href={`/staff/newsletter/${slug}?confirm=1#send`}
            className={`${primaryButton} inline-block`}
          >
            Send to {readers} {readers === 1 ? 'reader' : 'readers'}…
          </Link>
        ) : null}
        {confirming ? (
          <form action={sendToReaders} className="border-rule max-w-xl rounded-sm border p-4">
            {hidden}
            <p className="mb-4" role="alert">
              Send <strong>{title}</strong> to <strong>{readers}</strong> confirmed{' '}
              {readers === 1 ? 'reader' : 'readers'}? Readers who confirm later are not included.
            </p>
            <div className="flex flex-wrap items-center gap-4">
              <button type="submit" className={primaryButton}>
                Yes, send {title} to {readers} {readers === 1 ? 'reader' : 'readers'}
              </button>
              <Link href={`/staff/newsletter/${slug}`} className="font-semibold">
                Cancel
              </Link>
            </div>
          </form>
        ) : null}
        {status === 'sending' ? (
          <form action={pauseSending}>
            {hidden}
            <button type="submit" className={secondaryButton}>
              Pause
            </button>
          </form>
        ) : null}
        {status === 'paused' ? (
          <form action={resumeSending}>
            {hidden}
            <button type="submit" className={primaryButton}>
              Resume
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="preview" className="mb-12">
        <h2 id="preview" className="mb-3 font-serif text-2xl font-bold">
          Preview
        </h2>
        <div className="mb-6 flex flex-wrap items-center gap-4 font-sans">
          <a href={webVersionPath(slug)} className="font-semibold">
            The email as a web page
          </a>
          <form action={sendTestCopy}>
            {hidden}
            <button type="submit" className={secondaryButton}>
              Send a test to me ({staff.email})
            </button>
          </form>
        </div>
        <p className="mb-2 font-sans font-semibold">Subject: {preview.subject}</p>
        <h3 id="plain-text" className="mb-2 font-sans text-sm font-semibold">
          The plain-text part
        </h3>
        {/* Focusable, so that a keyboard can scroll it. */}
        <pre
          tabIndex={0}
          aria-labelledby="plain-text"
          className="border-rule max-h-[32rem] overflow-auto rounded-sm border p-4 text-sm whitespace-pre-wrap"
        >
          {typeof preview.text === 'string' ? preview.text : ''}
        </pre>
      </section>
    </>
  )
}
