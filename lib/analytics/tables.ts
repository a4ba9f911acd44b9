import { csvRow } from '@/lib/newsletter/csv'
import type { AnalyticsReport, ReviewReport } from './report'

/**
 * Each table of the analytics pages, defined once: the page draws it and its CSV writes it
 * (through the newsletter's csvRow: every text cell quoted, formula starts neutralised).
 */
export type Table = {
  name: string
  caption: string
  columns: string[]
  /** Columns from this index on are figures (right-aligned). */
  figuresFrom: number
  rows: (string | number)[][]
  empty: string
}

const NONE = '(none)'
const or = (value: string) => value || NONE

const daysTable = (byDay: AnalyticsReport['byDay']): Table => ({
  name: 'days',
  caption: 'Views and visitors by day',
  columns: ['Day', 'Views', 'Visitors'],
  figuresFrom: 1,
  rows: [...byDay].reverse().map((d) => [d.day, d.views, d.visitors]),
  empty: 'No days in this period.',
})

const referrersTable = (rows: AnalyticsReport['referrers']): Table => ({
  name: 'referrers',
  caption: 'Sources: the sites readers came from',
  columns: ['Site', 'Views', 'Visitors'],
  figuresFrom: 1,
  rows: rows.map((r) => [r.referrer, r.views, r.visitors]),
  empty: 'No views came from another site in this period.',
})

const campaignsTable = (rows: AnalyticsReport['campaigns']): Table => ({
  name: 'campaigns',
  caption: 'Campaigns (utm_*)',
  columns: ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'Views', 'Visitors'],
  figuresFrom: 4,
  rows: rows.map((c) => [
    or(c.source),
    or(c.medium),
    or(c.campaign),
    or(c.content),
    c.views,
    c.visitors,
  ]),
  empty: 'No views came from a tagged link in this period.',
})

/** The tables of the site's report, in the order the page shows them. */
export function siteTables(report: AnalyticsReport): Table[] {
  return [
    {
      name: 'reviews',
      caption: 'Top reviews',
      columns: ['Review', 'Views', 'Visitors'],
      figuresFrom: 1,
      rows: report.reviews.map((r) => [r.review, r.views, r.visitors]),
      empty: 'No review was read in this period.',
    },
    referrersTable(report.referrers),
    campaignsTable(report.campaigns),
    {
      name: 'newsletter',
      caption: 'The newsletter: clicks from each issue’s email (utm_medium=email)',
      columns: ['Issue (utm_campaign)', 'Reviews opened', 'Clicks', 'Visitors'],
      figuresFrom: 2,
      rows: report.newsletter.map((n) => [
        or(n.issue),
        n.reviews.map((r) => `${r.review} (${r.views})`).join(', ') || NONE,
        n.views,
        n.visitors,
      ]),
      empty: 'No clicks from the newsletter in this period.',
    },
    {
      name: 'funnel',
      caption: 'Campaigns: views → signups → confirmed',
      columns: [
        'utm_source',
        'utm_medium',
        'utm_campaign',
        'Views',
        'Visitors',
        'Signups',
        'Confirmed',
      ],
      figuresFrom: 3,
      rows: report.funnel.map((f) => [
        or(f.source),
        or(f.medium),
        or(f.campaign),
        f.views,
        f.visitors,
        f.signups,
        f.confirmed,
      ]),
      empty: 'No campaign brought a view or a signup in this period.',
    },
    {
      name: 'pages',
      caption: 'Every page',
      columns: ['Page', 'Kind', 'Views', 'Visitors'],
      figuresFrom: 2,
      rows: report.pages.map((p) => [p.path, p.kind, p.views, p.visitors]),
      empty: 'No page was read in this period.',
    },
    {
      name: 'devices',
      caption: 'Phone or desktop (by the width of the window)',
      columns: ['Device', 'Views', 'Visitors'],
      figuresFrom: 1,
      rows: report.byDevice.map((d) => [d.device, d.views, d.visitors]),
      empty: 'No views in this period.',
    },
    daysTable(report.byDay),
  ]
}

/** The tables of one review's report. */
export function reviewTables(report: ReviewReport): Table[] {
  return [
    referrersTable(report.referrers),
    campaignsTable(report.campaigns),
    daysTable(report.byDay),
  ]
}

/** A table as CSV: its columns, then its rows. */
export function tableCsv(table: Table): string {
  return csvRow(table.columns) + table.rows.map((row) => csvRow(row)).join('')
}
