import { PageHeader } from '@/components/layout/page-header'
import { DailyChart } from '@/components/staff/daily-chart'
import { FiguresTable } from '@/components/staff/figures-table'
import { PeriodForm } from '@/components/staff/period-form'
import { StaffNav } from '@/components/staff/staff-nav'
import { PERIODS } from '@/lib/analytics/report'
import { siteReportFor } from '@/lib/analytics/site-report'
import { siteTables } from '@/lib/analytics/tables'
import { pageMetadata } from '@/lib/seo/metadata'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

// Per request: who is signed in decides everything on it.
export const dynamic = 'force-dynamic'

export const metadata = pageMetadata({
  title: 'Analytics',
  description: 'Page views, visitors, sources, campaigns and the newsletter’s clicks.',
  path: '/staff/analytics',
  noindex: true,
})

const crumbs = [{ name: 'Analytics', href: '/staff/analytics' }]

/** Marketing's view: what every link, campaign and newsletter brought to which review. */
export default async function AnalyticsPage({ searchParams }: PageProps<'/staff/analytics'>) {
  const staff = await requireStaff(may.analytics)
  const { days, report } = await siteReportFor((await searchParams).days)
  const tables = siteTables(report)
  const csv = (table: string) => `/staff/analytics.csv?days=${days}&table=${table}`
  return (
    <>
      <StaffNav staff={staff} />
      <PageHeader title="Analytics" crumbs={crumbs}>
        Page views counted on this site, without a cookie, from {report.from} to today ({report.to}
        ). A visitor is counted once a day: nobody is followed from one day to the next. Readers
        without JavaScript, with Global Privacy Control or Do Not Track, and bots are not counted.
      </PageHeader>
      <PeriodForm days={days} periods={PERIODS} />
      <p className="mb-6 font-sans text-lg">
        <strong>{report.total.views}</strong> views, <strong>{report.total.visitors}</strong>{' '}
        visitors (daily visitors added up) in the last {days} days.
      </p>
      <DailyChart
        title={`Views and visitors per day, last ${days} days`}
        description={`${report.total.views} views and ${report.total.visitors} daily visitors from ${report.from} to ${report.to}; the figures of each day are in the table “Views and visitors by day”.`}
        days={report.byDay.map((d) => d.day)}
        bars={{ label: 'Views', values: report.byDay.map((d) => d.views) }}
        line={{ label: 'Visitors', values: report.byDay.map((d) => d.visitors) }}
        className="mb-10"
      />
      {tables.map((table) => (
        <FiguresTable
          key={table.name}
          table={table}
          csvHref={csv(table.name)}
          linkFor={
            table.name === 'reviews'
              ? (row) =>
                  `/staff/analytics/reviews/${encodeURIComponent(String(row[0]))}?days=${days}`
              : undefined
          }
        />
      ))}
    </>
  )
}
