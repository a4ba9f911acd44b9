import { PageHeader } from '@/components/layout/page-header'
import { Link } from '@/components/ui/link'
import { eraseReader } from '@/components/staff/newsletter-actions'
import { Notice } from '@/components/staff/notice'
import { StaffNav } from '@/components/staff/staff-nav'
import { cell, field, headCell, secondaryButton, table } from '@/components/staff/styles'
import { getIssues } from '@/lib/content'
import { formatDateTime, formatIssueMonth } from '@/lib/format'
import { doneOf, recentRequests, statusOf, totalOf } from '@/lib/newsletter/desk'
import { normaliseEmail } from '@/lib/newsletter/email'
import { sendStates } from '@/lib/newsletter/send/sender'
import { pageMetadata } from '@/lib/seo/metadata'
import { services } from '@/lib/services'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

// Per request: who is signed in decides everything on it.
export const dynamic = 'force-dynamic'

export const metadata = pageMetadata({
  title: 'Newsletter',
  description: 'Send each issue’s email; answer readers’ requests.',
  path: '/staff/newsletter',
  noindex: true,
})

const crumbs = [{ name: 'Newsletter', href: '/staff/newsletter' }]

const notices: Record<string, { text: string; problem?: boolean }> = {
  'unknown-issue': { text: 'There is no issue on sale by that name.', problem: true },
  'no-reader': { text: 'No reader has that address: nothing was erased.', problem: true },
  erased: { text: 'The address and its consent record are erased.' },
}

/**
 * The newsletter desk, for marketing and editors: every issue on sale with its send state, the
 * readers a send would reach now, and a reader's request (find an address, erase it, export the list).
 */
export default async function NewsletterDeskPage({ searchParams }: PageProps<'/staff/newsletter'>) {
  const staff = await requireStaff(may.newsletter)
  const params = await searchParams
  const site = services()
  const db = await site.database()
  const store = await site.subscriberStore()
  const [sends, counts, requests] = await Promise.all([
    sendStates(db),
    store.countByStatus(),
    recentRequests(db),
  ])
  const sendOf = new Map(sends.map((s) => [s.issue, s]))
  const address = typeof params.address === 'string' ? params.address.slice(0, 320) : ''
  const found = address ? await store.find(normaliseEmail(address)) : undefined
  const notice =
    notices[String(params.problem ?? '')] ?? (params.erased ? notices.erased : undefined)

  return (
    <>
      <StaffNav staff={staff} />
      <PageHeader title="Newsletter" crumbs={crumbs}>
        Each issue’s email: preview it, send yourself a test, then send it to every confirmed
        reader. {counts.confirmed} confirmed {counts.confirmed === 1 ? 'reader' : 'readers'} would
        get it now.
      </PageHeader>
      <Notice text={notice?.text} problem={notice?.problem} />

      <table className={`${table} mb-12`}>
        <caption className="mb-2 text-left font-serif text-2xl font-bold">Issues</caption>
        <thead>
          <tr className="border-rule border-b">
            <th scope="col" className={headCell}>
              Issue
            </th>
            <th scope="col" className={headCell}>
              Email
            </th>
          </tr>
        </thead>
        <tbody>
          {getIssues().map((issue) => {
            const send = sendOf.get(issue.slug)
            const status = statusOf(send)
            return (
              <tr key={issue.slug} className="border-rule border-b">
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <Link href={`/staff/newsletter/${issue.slug}`} className="font-semibold">
                    {formatIssueMonth(issue.month)}, No. {issue.number}
                  </Link>
                  <div className="text-muted">{issue.slug}</div>
                </th>
                <td className={cell}>
                  {status === 'not-sent' || !send
                    ? 'Not sent'
                    : status === 'sent'
                      ? `Sent ${formatDateTime(send.lastAt ?? send.startedAt)}${send.startedBy ? ` by ${send.startedBy}` : ''}: ${send.sent} sent, ${send.bounced} bounced`
                      : `${status === 'paused' ? 'Paused' : 'Sending'}: ${doneOf(send)} of ${totalOf(send)}`}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>

      <h2 id="readers" className="mb-3 scroll-mt-4 font-serif text-2xl font-bold">
        A reader’s request
      </h2>
      <p className="mb-4 max-w-2xl">
        Find a reader by their whole address, to see where they stand and what they agreed to, or to
        erase them when they ask. The whole list can be downloaded as CSV. Each erase and each
        download is recorded below, without the address.
      </p>
      <form
        method="get"
        action="/staff/newsletter#readers"
        className="mb-6 flex flex-wrap items-end gap-3 font-sans"
      >
        <div className="grid gap-1">
          <label htmlFor="address" className="font-semibold">
            Email address
          </label>
          <input
            id="address"
            name="address"
            type="email"
            required
            maxLength={320}
            defaultValue={address}
            autoComplete="off"
            className={field}
          />
        </div>
        <button type="submit" className={secondaryButton}>
          Find
        </button>
        <a href="/staff/newsletter/readers.csv" className="min-h-11 py-2 font-semibold" download>
          Download the list as CSV
        </a>
      </form>
      {address && !found ? (
        <p role="status" className="mb-8 font-sans">
          No reader has that address.
        </p>
      ) : null}
      {found ? (
        <section aria-labelledby="found" className="mb-10 font-sans">
          <h3 id="found" className="mb-2 font-serif text-xl font-bold">
            {found.email}
          </h3>
          <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">Status</dt>
            <dd className="capitalize">{found.status}</dd>
            <dt className="font-semibold">Consented</dt>
            <dd>{formatDateTime(found.consentedAt)}</dd>
            <dt className="font-semibold">To the words</dt>
            <dd>
              “{found.consentText}”
              {found.consentVersion ? ` (version ${found.consentVersion})` : ''}
            </dd>
            <dt className="font-semibold">Confirmed</dt>
            <dd>{found.confirmedAt ? formatDateTime(found.confirmedAt) : 'Not confirmed'}</dd>
            {found.unsubscribedAt ? (
              <>
                <dt className="font-semibold">Left</dt>
                <dd>{formatDateTime(found.unsubscribedAt)}</dd>
              </>
            ) : null}
            <dt className="font-semibold">Signed up from</dt>
            <dd>{found.sourcePath ?? 'Unknown'}</dd>
            <dt className="font-semibold">Campaign</dt>
            <dd>
              {[found.utmSource, found.utmMedium, found.utmCampaign, found.utmContent]
                .filter(Boolean)
                .join(' / ') || 'None'}
            </dd>
          </dl>
          <form action={eraseReader}>
            <input type="hidden" name="address" value={found.email} />
            <button type="submit" className={secondaryButton}>
              Erase this reader for good
            </button>
          </form>
        </section>
      ) : null}

      <table className={`${table} mb-12`}>
        <caption className="mb-2 text-left font-serif text-xl font-bold">
          Requests answered (latest first)
        </caption>
        <thead>
          <tr className="border-rule border-b">
            <th scope="col" className={headCell}>
              When
            </th>
            <th scope="col" className={headCell}>
              What
            </th>
            <th scope="col" className={headCell}>
              By
            </th>
            <th scope="col" className={`${headCell} text-right`}>
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {requests.length === 0 ? (
            <tr>
              <td colSpan={4} className={cell}>
                None yet.
              </td>
            </tr>
          ) : (
            requests.map((r, i) => (
              <tr key={i} className="border-rule border-b">
                <td className={cell}>{formatDateTime(r.madeAt)}</td>
                <td className={cell}>
                  {r.action === 'erase' ? 'Erased an address' : 'Downloaded the list'}
                </td>
                <td className={cell}>{r.madeBy}</td>
                <td className={`${cell} text-right tabular-nums`}>{r.rows}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  )
}
