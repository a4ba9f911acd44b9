import type { ReactNode } from 'react'
import { PageHeader } from '@/components/layout/page-header'
import { DailyChart } from '@/components/staff/daily-chart'
import { PeriodForm } from '@/components/staff/period-form'
import { StaffNav } from '@/components/staff/staff-nav'
import { cell, headCell, table } from '@/components/staff/styles'
import { daysFrom, localDay } from '@/lib/analytics/days'
import { formatDateTime } from '@/lib/format'
import { pageMetadata } from '@/lib/seo/metadata'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'
import { PERIODS, STATUSES, periodOf, type Counts } from '@/lib/staff/signups'
import { reportFor } from '@/lib/staff/site-signups-report'

// Per request: who is signed in decides everything on it.
export const dynamic = 'force-dynamic'

export const metadata = pageMetadata({
  title: 'Signups',
  description: 'Newsletter signups by day, week, campaign, review and issue.',
  path: '/staff/signups',
  noindex: true,
})

const crumbs = [{ name: 'Signups', href: '/staff/signups' }]
const numeric = `${cell} text-right tabular-nums`
const numericHead = `${headCell} text-right`

/** Marketing's view: which campaigns, reviews and issues bring signups, and how many confirm. */
export default async function SignupsPage({ searchParams }: PageProps<'/staff/signups'>) {
  const staff = await requireStaff(may.signups)
  const days = periodOf((await searchParams).days)
  const report = await reportFor(String(days))
  const byDay = new Map(report.byDay.map((d) => [d.day, d]))
  const chartDays = daysFrom(localDay(report.from), localDay(report.to))
  return (
    <>
      <StaffNav staff={staff} />
      <PageHeader title="Signups" crumbs={crumbs}>
        Newsletter signups in the last {days} days, {formatDateTime(report.from.toISOString())} to
        now, and where those addresses stand today. Addresses never confirmed are removed after 30
        days; an address that left and came back counts once, when it came back.
      </PageHeader>
      <PeriodForm days={days} periods={PERIODS} csvHref={`/staff/signups.csv?days=${days}`} />

      <DailyChart
        title={`Signups and confirmations per day, last ${days} days`}
        description={`${report.total.signups} signups, ${report.total.confirmed} of them confirmed now; each day's figures are in the table “By day” below.`}
        days={chartDays}
        bars={{ label: 'Signups', values: chartDays.map((d) => byDay.get(d)?.signups ?? 0) }}
        line={{
          label: 'Of them confirmed',
          values: chartDays.map((d) => byDay.get(d)?.confirmed ?? 0),
        }}
        className="mb-10"
      />
      <CountsTable
        caption="In total"
        head={['Period']}
        rows={[{ key: 'total', cells: [`Last ${days} days`], counts: report.total }]}
      />
      <CountsTable
        caption="By campaign"
        head={['utm_source', 'utm_medium', 'utm_campaign', 'utm_content']}
        rows={report.byCampaign.map((r) => ({
          key: [r.source, r.medium, r.campaign, r.content].join('\u0000'),
          cells: [r.source, r.medium, r.campaign, r.content],
          counts: r,
        }))}
      />
      <CountsTable
        caption="By the review they signed up from"
        head={['Review']}
        rows={report.byReview.map((r) => ({ key: r.review, cells: [r.review], counts: r }))}
      />
      <CountsTable
        caption="By the issue they signed up from"
        head={['Issue']}
        rows={report.byIssue.map((r) => ({ key: r.issue, cells: [r.issue], counts: r }))}
      />
      <CountsTable
        caption="By week (from Monday)"
        head={['Week']}
        rows={report.byWeek.map((r) => ({ key: r.week, cells: [r.week], counts: r }))}
      />
      <CountsTable
        caption="By day"
        head={['Day']}
        rows={report.byDay.map((r) => ({ key: r.day, cells: [r.day], counts: r }))}
      />
    </>
  )
}

type Row = { key: string; cells: ReactNode[]; counts: Counts }

/** One breakdown: its own columns, then signups and each status. */
function CountsTable({ caption, head, rows }: { caption: string; head: string[]; rows: Row[] }) {
  return (
    <table className={`${table} mb-10`}>
      <caption className="mb-2 text-left font-serif text-xl font-bold">{caption}</caption>
      <thead>
        <tr className="border-rule border-b">
          {head.map((h, i) => (
            <th key={i} scope="col" className={headCell}>
              {h}
            </th>
          ))}
          <th scope="col" className={numericHead}>
            Signups
          </th>
          {STATUSES.map((s) => (
            <th key={s} scope="col" className={`${numericHead} capitalize`}>
              {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={head.length + 1 + STATUSES.length} className={cell}>
              No signups in this period.
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key} className="border-rule border-b">
              {row.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`${cell} text-left font-normal`}>
                    {c}
                  </th>
                ) : (
                  <td key={i} className={cell}>
                    {c}
                  </td>
                ),
              )}
              <td className={numeric}>{row.counts.signups}</td>
              {STATUSES.map((s) => (
                <td key={s} className={numeric}>
                  {row.counts[s]}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
