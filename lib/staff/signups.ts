import type { Queryable } from '@/lib/db'
import { csvRow } from '@/lib/newsletter/csv'
import { site } from '@/lib/site'

/** Each row of the report: its signups, and where those addresses stand now. */
export type Counts = {
  signups: number
  pending: number
  confirmed: number
  unsubscribed: number
  bounced: number
}
export const STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const

export type Campaign = { source: string; medium: string; campaign: string; content: string }

export type SignupsReport = {
  from: Date
  to: Date
  total: Counts
  byDay: ({ day: string } & Counts)[]
  byWeek: ({ week: string } & Counts)[]
  byCampaign: (Campaign & Counts)[]
  byReview: ({ review: string } & Counts)[]
  byIssue: ({ issue: string } & Counts)[]
}

/** The periods the report offers, in days back from now. */
export const PERIODS = [7, 30, 90, 365] as const
export type PeriodDays = (typeof PERIODS)[number]
export const periodOf = (value: unknown): PeriodDays =>
  PERIODS.find((days) => String(days) === value) ?? 30

// A day is a day in the magazine's time zone; a week starts on Monday.
const local = `(consented_at at time zone '${site.timeZone}')`
const NONE = '(none)'

const countColumns = [
  'count(*)::int as signups',
  ...STATUSES.map((s) => `count(*) filter (where status = '${s}')::int as ${s}`),
].join(', ')

/**
 * Signups in [from, to) by day, week, campaign, review and issue, each with the status of those
 * addresses now, from the subscriber table (PGlite and PostgreSQL alike). A signup is counted at
 * its latest consent: an address that left and signed up again counts once, when it came back.
 * Addresses never confirmed are purged after 30 days, and erased ones are gone.
 */
export async function signupsReport(db: Queryable, from: Date, to: Date): Promise<SignupsReport> {
  const grouped = async <Row>(keys: string[], order = '') =>
    db.query<Row & Counts>(
      `select ${[...keys, countColumns].join(', ')} from subscribers
       where consented_at >= $1 and consented_at < $2
       ${keys.length ? `group by ${keys.map((_, i) => i + 1).join(', ')} order by ${order}` : ''}`,
      [from, to],
    )
  const or = (column: string, as: string) => `coalesce(${column}, '${NONE}') as ${as}`
  const [[total], byDay, byWeek, byCampaign, byReview, byIssue] = await Promise.all([
    grouped<object>([]),
    grouped<{ day: string }>([`to_char(${local}::date, 'YYYY-MM-DD') as day`], 'day desc'),
    grouped<{ week: string }>(
      [`to_char(date_trunc('week', ${local})::date, 'YYYY-MM-DD') as week`],
      'week desc',
    ),
    grouped<Campaign>(
      [
        or('utm_source', 'source'),
        or('utm_medium', 'medium'),
        or('utm_campaign', 'campaign'),
        or('utm_content', 'content'),
      ],
      'signups desc, source, medium, campaign, content',
    ),
    grouped<{ review: string }>([or('source_review', 'review')], 'signups desc, review'),
    grouped<{ issue: string }>([or('source_issue', 'issue')], 'signups desc, issue'),
  ])
  return { from, to, total: total!, byDay, byWeek, byCampaign, byReview, byIssue }
}

const CSV_COLUMNS = [
  'breakdown',
  'day_or_week',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'review',
  'issue',
  'signups',
  ...STATUSES,
] as const
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>

/** What the report page shows, as one CSV: a row per line of each table, named by its breakdown. */
export function signupsCsv(report: SignupsReport): string {
  const counts = (c: Counts): CsvRow => ({
    signups: c.signups,
    ...Object.fromEntries(STATUSES.map((s) => [s, c[s]])),
  })
  const rows: CsvRow[] = [
    { breakdown: 'total', ...counts(report.total) },
    ...report.byDay.map((r) => ({ breakdown: 'day', day_or_week: r.day, ...counts(r) })),
    ...report.byWeek.map((r) => ({ breakdown: 'week', day_or_week: r.week, ...counts(r) })),
    ...report.byCampaign.map((r) => ({
      breakdown: 'campaign',
      utm_source: r.source,
      utm_medium: r.medium,
      utm_campaign: r.campaign,
      utm_content: r.content,
      ...counts(r),
    })),
    ...report.byReview.map((r) => ({ breakdown: 'review', review: r.review, ...counts(r) })),
    ...report.byIssue.map((r) => ({ breakdown: 'issue', issue: r.issue, ...counts(r) })),
  ]
  const line = (row: CsvRow) => csvRow(CSV_COLUMNS.map((c) => row[c]))
  return csvRow(CSV_COLUMNS) + rows.map(line).join('')
}
