import { PageHeader } from '@/components/layout/page-header'
// A staff page is rendered per request and streamed: <PageNotFound /> would go out as a 200 here.
// Staff browsers run scripts, so Next's own 404 (drawn by the client) is the right answer.
// eslint-disable-next-line no-restricted-imports
import { notFound } from 'next/navigation'
import { DailyChart } from '@/components/staff/daily-chart'
import { FiguresTable } from '@/components/staff/figures-table'
import { PeriodForm } from '@/components/staff/period-form'
import { StaffNav } from '@/components/staff/staff-nav'
import { PERIODS } from '@/lib/analytics/report'
import { reviewReportFor } from '@/lib/analytics/site-report'
import { reviewTables } from '@/lib/analytics/tables'
import { pageMetadata } from '@/lib/seo/metadata'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: PageProps<'/staff/analytics/reviews/[slug]'>) {
  const { slug } = await params
  return pageMetadata({
    title: `Analytics: ${slug}`,
    description: 'One review’s views, sources and campaigns.',
    path: `/staff/analytics/reviews/${encodeURIComponent(slug)}`,
    noindex: true,
  })
}

/** One review's page: its views per day, where its readers came from, and its campaigns. */
export default async function ReviewAnalyticsPage({
  params,
  searchParams,
}: PageProps<'/staff/analytics/reviews/[slug]'>) {
  const staff = await requireStaff(may.analytics)
  const { slug } = await params
  const found = await reviewReportFor(slug, (await searchParams).days)
  if (!found) notFound()
  const { days, review, report } = found
  const csv = (table: string) =>
    `/staff/analytics.csv?days=${days}&table=${table}&review=${encodeURIComponent(slug)}`
  return (
    <>
      <StaffNav staff={staff} />
      <PageHeader
        title={review.headline}
        crumbs={[
          { name: 'Analytics', href: '/staff/analytics' },
          { name: slug, href: `/staff/analytics/reviews/${encodeURIComponent(slug)}` },
        ]}
      >
        Views of <a href={review.url}>{review.url}</a> from {report.from} to today ({report.to}):{' '}
        <strong>{report.total.views}</strong> views, <strong>{report.total.visitors}</strong>{' '}
        visitors.
      </PageHeader>
      <PeriodForm days={days} periods={PERIODS} />
      <DailyChart
        title={`Views and visitors of this review per day, last ${days} days`}
        description={`${report.total.views} views and ${report.total.visitors} daily visitors from ${report.from} to ${report.to}; each day's figures are in the table “Views and visitors by day”.`}
        days={report.byDay.map((d) => d.day)}
        bars={{ label: 'Views', values: report.byDay.map((d) => d.views) }}
        line={{ label: 'Visitors', values: report.byDay.map((d) => d.visitors) }}
        className="mb-10"
      />
      {reviewTables(report).map((table) => (
        <FiguresTable key={table.name} table={table} csvHref={csv(table.name)} />
      ))}
    </>
  )
}
