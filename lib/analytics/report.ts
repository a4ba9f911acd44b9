import type { Database, Queryable } from '@/lib/db'
import { site } from '@/lib/site'
import type { Campaign } from './beacon'
import { addDays, daysFrom, localDay, type Day } from './days'
import {
  boundsOf,
  dailyRows,
  DIMENSIONS,
  liveEvents,
  readingManyRows,
  type Bounds,
  type Dimension,
} from './store'

export type Figures = { views: number; visitors: number }

/** The periods the report offers, in days up to and including today. */
export const PERIODS = [7, 30, 90, 365] as const
export type PeriodDays = (typeof PERIODS)[number]
export const periodOf = (value: unknown): PeriodDays =>
  PERIODS.find((days) => String(days) === value) ?? 30

export type Funnel = Omit<Campaign, 'content'> & Figures & { signups: number; confirmed: number }
export type NewsletterIssue = { issue: string } & Figures & {
    reviews: ({ review: string } & Figures)[]
  }

export type AnalyticsReport = {
  from: Day
  to: Day
  total: Figures
  /** Every day of the period, oldest first, days without a view included. */
  byDay: ({ day: Day } & Figures)[]
  byDevice: ({ device: string } & Figures)[]
  reviews: ({ review: string } & Figures)[]
  pages: ({ path: string; kind: string } & Figures)[]
  referrers: ({ referrer: string } & Figures)[]
  campaigns: (Campaign & Figures)[]
  newsletter: NewsletterIssue[]
  funnel: Funnel[]
}

/** Top lists show this many rows (the CSV too: it is the table). */
export const TOP = 50

const sum = 'sum(views)::int as views, sum(visitors)::int as visitors'

/** The first and last day of a period of `days` ending on the day of `now`. */
export function periodDays(days: number, now: Date): { from: Day; to: Day } {
  const to = localDay(now)
  return { from: addDays(to, 1 - days), to }
}

/** Every day of the period with its figures (none is a zero), and the period's total. */
function perDay(from: Day, to: Day, rows: ({ day: Day } & Figures)[]) {
  const found = new Map(rows.map((r) => [r.day, r]))
  const byDay = daysFrom(from, to).map((day) => found.get(day) ?? { day, views: 0, visitors: 0 })
  const total = byDay.reduce(
    (t, d) => ({ views: t.views + d.views, visitors: t.visitors + d.visitors }),
    { views: 0, visitors: 0 },
  )
  return { total, byDay }
}

const campaignKey = (c: Omit<Campaign, 'content'>) =>
  [c.source, c.medium, c.campaign].join('\u0000')

/** The rows of one table of the report, as `select … from` and what follows, or the signups'. */
type Tables = {
  byDay: { day: Day } & Figures
  byDevice: { device: string } & Figures
  reviews: { review: string } & Figures
  pages: { path: string; kind: string } & Figures
  referrers: { referrer: string } & Figures
  campaigns: Campaign & Figures
  newsletter: { issue: string; review: string } & Figures
  newsletterIssues: { issue: string } & Figures
  campaignVisitors: Omit<Campaign, 'content'> & Figures
  signups: Omit<Campaign, 'content'> & { signups: number; confirmed: number }
}

/**
 * Every table of the site's report as one statement: each breakdown's rows are read once (the
 * page rows serve both top lists, the campaign rows three tables, the raw events of the days
 * not rolled up are read once for all of them), and the database is asked once. $1, $2: the
 * period's first and last day.
 */
function siteReportStatement(b: Bounds): string {
  const rows = (dimension: Dimension, byDay = false) =>
    dailyRows(dimension, b, { byDay, events: 'live' })
  const anyUtm = `(utm_source <> '' or utm_medium <> '' or utm_campaign <> '' or utm_content <> '')`
  const campaign = 'utm_source as source, utm_medium as medium, utm_campaign as campaign'
  // Each table's rows, and the order they are listed in (by the names they are given).
  const tables: Record<keyof Tables, [sql: string, order?: string]> = {
    byDay: [
      `select to_char(day, 'YYYY-MM-DD') as day, ${sum} from ${rows('total', true)} t group by day`,
    ],
    byDevice: [
      `select device, ${sum} from ${rows('device')} t group by device`,
      'views desc, device',
    ],
    reviews: [
      `select review, ${sum} from page where kind = 'review' group by review`,
      'views desc, review',
    ],
    pages: [`select path, kind, ${sum} from page group by path, kind`, 'views desc, path'],
    referrers: [
      `select referrer, ${sum} from ${rows('referrer')} t where referrer <> '' group by referrer`,
      'views desc, referrer',
    ],
    campaigns: [
      `select ${campaign}, utm_content as content, ${sum} from campaign where ${anyUtm}
       group by 1, 2, 3, 4`,
      'views desc, source, medium, campaign, content',
    ],
    // Each issue's most opened reviews, as many as a top list shows.
    newsletter: [
      `select issue, review, views, visitors from (
         select utm_campaign as issue, review, ${sum},
           row_number() over (partition by utm_campaign order by sum(views) desc, review) as n
         from ${rows('newsletter')} t where review <> '' group by 1, 2) ranked
       where n <= ${TOP}`,
      'issue, views desc, review',
    ],
    // An issue's figures come from the campaign rows: summing its reviews' visitors would count
    // a reader who opened two of them twice.
    newsletterIssues: [
      `select utm_campaign as issue, ${sum} from campaign where utm_medium = 'email' group by 1`,
    ],
    campaignVisitors: [
      `select ${campaign}, ${sum} from campaign
       where utm_source <> '' or utm_medium <> '' or utm_campaign <> '' group by 1, 2, 3`,
    ],
    signups: [
      `select coalesce(utm_source, '') as source, coalesce(utm_medium, '') as medium,
         coalesce(utm_campaign, '') as campaign, count(*)::int as signups,
         count(confirmed_at)::int as confirmed
       from subscribers
       where (consented_at at time zone '${site.timeZone}')::date between $1::date and $2::date
       group by 1, 2, 3`,
    ],
  }
  const limited = new Set<keyof Tables>(['reviews', 'pages', 'referrers', 'campaigns'])
  const json = (Object.keys(tables) as (keyof Tables)[]).map((name) => {
    const [sql, order] = tables[name]
    const listed = limited.has(name) ? `${sql} order by ${order} limit ${TOP}` : sql
    const ordered = order ? ` order by ${order}` : ''
    return `'${name}', (select coalesce(json_agg(t${ordered}), '[]') from (${listed}) t)`
  })
  // A breakdown several tables read, added up over the period once.
  const kept = (dimension: Dimension) => {
    const columns = DIMENSIONS[dimension].join(', ')
    return `select ${columns}, ${sum} from ${rows(dimension)} t group by ${columns}`
  }
  return `with live as materialized (${liveEvents(b)}),
      page as materialized (${kept('page')}),
      campaign as materialized (${kept('campaign')})
    select json_build_object(${json.join(', ')})::text as report`
}

/**
 * The site's report for the days from `from` to `to` (both included) from the rollups (and
 * today's raw events). Visitors are counted per day: the salt changes daily, so a reader who
 * comes back another day is another visitor, and a period's visitors are the sum of its days'.
 */
export async function analyticsReport(db: Database, from: Day, to: Day): Promise<AnalyticsReport> {
  const b = await boundsOf(db, from, to)
  const [row] = await db.transaction(async (tx) => {
    await readingManyRows(tx)
    return tx.query<{ report: string }>(siteReportStatement(b), [from, to])
  })
  const t = JSON.parse(row!.report) as { [name in keyof Tables]: Tables[name][] }

  // The newsletter's clicks per issue: every view that came from its email, and which reviews.
  const issues = new Map<string, NewsletterIssue>(
    t.newsletterIssues.map((issue) => [issue.issue, { ...issue, reviews: [] }]),
  )
  for (const { issue, review, views, visitors } of t.newsletter)
    issues.get(issue)?.reviews.push({ review, views, visitors })

  // The funnel: each campaign's views, then the signups it brought and how many confirmed.
  const funnel = new Map<string, Funnel>()
  const entry = (c: Omit<Campaign, 'content'>) => {
    const key = campaignKey(c)
    const found = funnel.get(key) ?? {
      source: c.source,
      medium: c.medium,
      campaign: c.campaign,
      views: 0,
      visitors: 0,
      signups: 0,
      confirmed: 0,
    }
    funnel.set(key, found)
    return found
  }
  for (const c of t.campaignVisitors)
    Object.assign(entry(c), { views: c.views, visitors: c.visitors })
  for (const s of t.signups)
    if (s.source || s.medium || s.campaign)
      Object.assign(entry(s), { signups: s.signups, confirmed: s.confirmed })

  return {
    from,
    to,
    ...perDay(from, to, t.byDay),
    byDevice: t.byDevice,
    reviews: t.reviews,
    pages: t.pages,
    referrers: t.referrers,
    campaigns: t.campaigns,
    newsletter: [...issues.values()].sort(
      (a, b) => b.views - a.views || a.issue.localeCompare(b.issue),
    ),
    funnel: [...funnel.values()].sort(
      (a, b) =>
        b.views - a.views || b.signups - a.signups || campaignKey(a).localeCompare(campaignKey(b)),
    ),
  }
}

export type ReviewReport = {
  review: string
  from: Day
  to: Day
  total: Figures
  byDay: ({ day: Day } & Figures)[]
  referrers: ({ referrer: string } & Figures)[]
  campaigns: (Campaign & Figures)[]
}

/** One review's page: its views per day, where its readers came from, and its campaigns. */
export async function reviewReport(
  db: Queryable,
  review: string,
  from: Day,
  to: Day,
): Promise<ReviewReport> {
  const b = await boundsOf(db, from, to)
  const q = <Row>(sql: string) => db.query<Row>(sql, [review])
  const [byDay, referrers, campaigns] = await Promise.all([
    q<{ day: Day } & Figures>(
      `select to_char(day, 'YYYY-MM-DD') as day, ${sum} from ${dailyRows('page', b, { byDay: true })} t
       where kind = 'review' and review = $1 group by day`,
    ),
    q<{ referrer: string } & Figures>(
      `select referrer, ${sum} from ${dailyRows('page_referrer', b)} t
       where kind = 'review' and review = $1 and referrer <> ''
       group by referrer order by views desc, referrer limit ${TOP}`,
    ),
    q<Campaign & Figures>(
      `select utm_source as source, utm_medium as medium, utm_campaign as campaign,
         utm_content as content, ${sum}
       from ${dailyRows('campaign_page', b)} t
       where kind = 'review' and review = $1
         and (utm_source <> '' or utm_medium <> '' or utm_campaign <> '' or utm_content <> '')
       group by 1, 2, 3, 4 order by views desc, 1, 2, 3, 4 limit ${TOP}`,
    ),
  ])
  return {
    review,
    from,
    to,
    ...perDay(from, to, byDay),
    referrers,
    campaigns,
  }
}

/** The most read reviews of the last `days` days: slugs, most views first. */
export async function mostRead(db: Queryable, now: Date, days = 7, limit = 10): Promise<string[]> {
  const { from, to } = periodDays(days, now)
  const b = await boundsOf(db, from, to)
  const rows = await db.query<{ review: string }>(
    `select review from ${dailyRows('page', b)} t where kind = 'review'
     group by review order by sum(views) desc, review limit ${Number(limit)}`,
  )
  return rows.map((r) => r.review)
}
