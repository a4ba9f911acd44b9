import type { Queryable } from '@/lib/db'
import { site } from '@/lib/site'
import type { Campaign } from './beacon'
import { addDays, daysFrom, localDay, type Day } from './days'
import { boundsOf, dailyRows } from './store'

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

/**
 * The site's report for the days from `from` to `to` (both included) from the rollups (and
 * today's raw events). Visitors are counted per day: the salt changes daily, so a reader who
 * comes back another day is another visitor, and a period's visitors are the sum of its days'.
 */
export async function analyticsReport(db: Queryable, from: Day, to: Day): Promise<AnalyticsReport> {
  const b = await boundsOf(db, from, to)
  const q = <Row>(sql: string, params: string[] = []) => db.query<Row>(sql, params)
  const [byDay, byDevice, reviews, pages, referrers, campaigns, newsletterRows, signups] =
    await Promise.all([
      q<{ day: Day } & Figures>(
        `select to_char(day, 'YYYY-MM-DD') as day, ${sum} from ${dailyRows('total', b, { byDay: true })} t
         group by day`,
      ),
      q<{ device: string } & Figures>(
        `select device, ${sum} from ${dailyRows('device', b)} t group by device order by views desc, device`,
      ),
      q<{ review: string } & Figures>(
        `select review, ${sum} from ${dailyRows('page', b)} t where kind = 'review'
         group by review order by views desc, review limit ${TOP}`,
      ),
      q<{ path: string; kind: string } & Figures>(
        `select path, kind, ${sum} from ${dailyRows('page', b)} t
         group by path, kind order by views desc, path limit ${TOP}`,
      ),
      q<{ referrer: string } & Figures>(
        `select referrer, ${sum} from ${dailyRows('referrer', b)} t where referrer <> ''
         group by referrer order by views desc, referrer limit ${TOP}`,
      ),
      q<Campaign & Figures>(
        `select utm_source as source, utm_medium as medium, utm_campaign as campaign,
           utm_content as content, ${sum}
         from ${dailyRows('campaign', b)} t
         where utm_source <> '' or utm_medium <> '' or utm_campaign <> '' or utm_content <> ''
         group by 1, 2, 3, 4 order by views desc, 1, 2, 3, 4 limit ${TOP}`,
      ),
      q<{ issue: string; review: string } & Figures>(
        `select utm_campaign as issue, review, ${sum} from ${dailyRows('campaign_page', b)} t
         where utm_medium = 'email' group by 1, 2 order by 1, views desc, 2`,
      ),
      q<Omit<Campaign, 'content'> & { signups: number; confirmed: number }>(
        `select coalesce(utm_source, '') as source, coalesce(utm_medium, '') as medium,
           coalesce(utm_campaign, '') as campaign, count(*)::int as signups,
           count(confirmed_at)::int as confirmed
         from subscribers
         where (consented_at at time zone '${site.timeZone}')::date between $1::date and $2::date
         group by 1, 2, 3`,
        [from, to],
      ),
    ])

  // The newsletter's clicks per issue: every view that came from its email, and which reviews.
  const issues = new Map<string, NewsletterIssue>()
  for (const row of newsletterRows) {
    const issue = issues.get(row.issue) ?? { issue: row.issue, views: 0, visitors: 0, reviews: [] }
    issue.views += row.views
    issue.visitors += row.visitors
    if (row.review)
      issue.reviews.push({ review: row.review, views: row.views, visitors: row.visitors })
    issues.set(row.issue, issue)
  }
  const newsletterVisitors = await q<{ issue: string; visitors: number }>(
    `select utm_campaign as issue, sum(visitors)::int as visitors from ${dailyRows('campaign', b)} t
     where utm_medium = 'email' group by 1`,
  )
  // An issue's visitors come from the campaign rollup: summing its reviews' would count a reader
  // who opened two of them twice.
  for (const { issue, visitors } of newsletterVisitors) {
    const found = issues.get(issue)
    if (found) found.visitors = visitors
  }

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
  const campaignVisitors = await q<Omit<Campaign, 'content'> & Figures>(
    `select utm_source as source, utm_medium as medium, utm_campaign as campaign, ${sum}
     from ${dailyRows('campaign', b)} t
     where utm_source <> '' or utm_medium <> '' or utm_campaign <> ''
     group by 1, 2, 3`,
  )
  for (const c of campaignVisitors)
    Object.assign(entry(c), { views: c.views, visitors: c.visitors })
  for (const s of signups)
    if (s.source || s.medium || s.campaign)
      Object.assign(entry(s), { signups: s.signups, confirmed: s.confirmed })

  return {
    from,
    to,
    ...perDay(from, to, byDay),
    byDevice,
    reviews,
    pages,
    referrers,
    campaigns,
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
