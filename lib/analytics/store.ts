import type { Database, Queryable } from '@/lib/db'
import { addDays, localDay, type Day } from './days'
import type { PageView } from './beacon'

/** A page view as stored: what it records, to the minute, and that day's visitor hash. */
export type StoredView = PageView & { at: Date; visitor: string }

/**
 * The rollups' breakdowns: each groups a day's events by its columns, with views and distinct
 * visitors. A report reads one dimension, so its visitors are exact for each row and day.
 */
export const DIMENSIONS = {
  total: [],
  device: ['device'],
  page: ['path', 'kind', 'review'],
  referrer: ['referrer'],
  campaign: ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'],
  campaign_page: [
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'utm_content',
    'path',
    'kind',
    'review',
  ],
  page_referrer: ['path', 'kind', 'review', 'referrer'],
  newsletter: ['utm_campaign', 'review'],
} as const satisfies Record<string, readonly string[]>
export type Dimension = keyof typeof DIMENSIONS

/**
 * Rows a breakdown keeps. A view without a campaign (or referrer) is in the `page` rows already,
 * and every report asking these breakdowns wants campaigns (referrers) only. `newsletter` is the
 * email's clicks per issue and review, the report's largest table, in rows of its own: a year of
 * it read from `campaign_page` was most of a year's report (docs/benchmarks.md, "Analytics").
 */
const ONLY: Partial<Record<Dimension, string>> = {
  campaign_page: `(utm_source <> '' or utm_medium <> '' or utm_campaign <> '' or utm_content <> '')`,
  page_referrer: `referrer <> ''`,
  newsletter: `utm_medium = 'email'`,
}

const COLUMNS = [
  'at',
  'day',
  'path',
  'kind',
  'review',
  'referrer',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'device',
  'visitor',
] as const

/** Minutes only: the time of a view is not kept finer than that. */
const toMinute = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000)

/**
 * Stores page views in one statement: a JSON array read by json_to_recordset, so that a batch
 * of thousands is one round trip with one parameter, on PGlite and PostgreSQL alike.
 */
export async function insertViews(db: Queryable, views: readonly StoredView[]): Promise<void> {
  if (views.length === 0) return
  const rows = views.map((v) => ({
    at: toMinute(v.at).toISOString(),
    day: localDay(v.at),
    path: v.path,
    kind: v.kind,
    review: v.review,
    referrer: v.referrer,
    utm_source: v.source,
    utm_medium: v.medium,
    utm_campaign: v.campaign,
    utm_content: v.content,
    device: v.device,
    visitor: v.visitor,
  }))
  const types = COLUMNS.map(
    (c) => `${c} ${c === 'at' ? 'timestamptz' : c === 'day' ? 'date' : 'text'}`,
  )
  await db.query(
    `insert into analytics_events (${COLUMNS.join(', ')})
     select ${COLUMNS.join(', ')} from json_to_recordset($1::json) as v(${types.join(', ')})`,
    [JSON.stringify(rows)],
  )
}

/**
 * `select` of one dimension's columns, grouped from raw events: `analytics_events`, or a report's
 * `live` (its days not rolled up, read once for every breakdown).
 */
function rawGrouped(dimension: Dimension, where: string, events = 'analytics_events'): string {
  const columns: readonly string[] = DIMENSIONS[dimension]
  const keys = columns.length ? `, ${columns.join(', ')}` : ''
  const only = ONLY[dimension] ? ` and ${ONLY[dimension]}` : ''
  return `select day, '${dimension}' as dimension${keys}, count(*)::int as views,
            count(distinct visitor)::int as visitors
          from ${events} e where ${where}${only} group by day${keys}`
}

/**
 * Rolls up every day that has ended (with `graceMinutes` for views still in a batch) and has
 * not been rolled up: its rollups rewritten from its events in one transaction, then marked.
 * Gives the days rolled up.
 */
export async function rollUp(db: Database, now: Date, graceMinutes = 10): Promise<Day[]> {
  const lastClosed = addDays(localDay(new Date(now.getTime() - graceMinutes * 60_000)), -1)
  const pending = await db.query<{ day: Day }>(
    `select distinct to_char(day, 'YYYY-MM-DD') as day from analytics_events e
     where day <= $1 and not exists (select 1 from analytics_rolled_days r where r.day = e.day)
     order by 1`,
    [lastClosed],
  )
  for (const { day } of pending) {
    await db.transaction(async (tx) => {
      await tx.query('delete from analytics_daily where day = $1', [day])
      for (const dimension of Object.keys(DIMENSIONS) as Dimension[]) {
        const columns: readonly string[] = DIMENSIONS[dimension]
        await tx.query(
          `insert into analytics_daily (day, dimension${columns.map((c) => `, ${c}`).join('')}, views, visitors)
           ${rawGrouped(dimension, 'day = $1')}`,
          [day],
        )
      }
      await tx.query('insert into analytics_rolled_days (day) values ($1) on conflict do nothing', [
        day,
      ])
    })
  }
  await rollUpMonths(db, lastClosed)
  return pending.map((p) => p.day)
}

/** Adds up the daily rows of every month that ended by `lastClosed` and is not added up yet. */
async function rollUpMonths(db: Database, lastClosed: Day): Promise<void> {
  const months = await db.query<{ month: Day }>(
    `select distinct to_char(date_trunc('month', day), 'YYYY-MM-DD') as month from analytics_daily d
     where dimension = 'total' and day < date_trunc('month', $1::date + 1)
       and not exists (
         select 1 from analytics_rolled_months r where r.month = date_trunc('month', d.day))
     order by 1`,
    [lastClosed],
  )
  const all = [...new Set(Object.values(DIMENSIONS).flat())]
  for (const { month } of months) {
    await db.transaction(async (tx) => {
      await tx.query('delete from analytics_monthly where day = $1', [month])
      await tx.query(
        `insert into analytics_monthly (day, dimension, ${all.join(', ')}, views, visitors)
         select $1::date, dimension, ${all.join(', ')}, sum(views)::int, sum(visitors)::int
         from analytics_daily
         where day >= $1::date and day < ($1::date + interval '1 month')
         group by dimension, ${all.join(', ')}`,
        [month],
      )
      await tx.query(
        'insert into analytics_rolled_months (month) values ($1) on conflict do nothing',
        [month],
      )
    })
  }
}

/** Deletes raw events older than `keepDays` days whose day is rolled up; gives how many. */
export async function purgeEvents(db: Queryable, now: Date, keepDays: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `with gone as (
       delete from analytics_events e where day < $1
         and exists (select 1 from analytics_rolled_days r where r.day = e.day)
       returning 1)
     select count(*)::int as n from gone`,
    [addDays(localDay(now), -keepDays)],
  )
  return row?.n ?? 0
}

/**
 * Where a period's rows come from: whole months rolled up (`monthsFrom` to before `monthsTo`),
 * the other days rolled up, and the days from `liveFrom` (after the last day rolled up) from raw
 * events. Read once per report, so that every query has plain date bounds its index can use.
 */
export type Bounds = { from: Day; to: Day; monthsFrom: Day; monthsTo: Day; liveFrom: Day }

const DAY = /^\d{4}-\d{2}-\d{2}$/
const checked = (day: Day) => {
  if (!DAY.test(day)) throw new Error(`analytics: not a day: ${day}`)
  return day
}
const monthOf = (day: Day) => `${day.slice(0, 7)}-01`
const nextMonth = (month: Day) => monthOf(addDays(month, 32))
const latest = (a: Day, b: Day) => (a > b ? a : b)
const earliest = (a: Day, b: Day) => (a < b ? a : b)

export async function boundsOf(db: Queryable, from: Day, to: Day): Promise<Bounds> {
  checked(from)
  checked(to)
  const [rolled] = await db.query<{ day: Day | null; month: Day | null }>(
    `select (select to_char(max(day), 'YYYY-MM-DD') from analytics_rolled_days) as day,
            (select to_char(max(month), 'YYYY-MM-DD') from analytics_rolled_months) as month`,
  )
  // The first whole month of the period, and the month after its last whole one.
  const monthsFrom = from.endsWith('-01') ? from : nextMonth(monthOf(from))
  const wholeTo = monthOf(addDays(to, 1))
  const monthsTo = latest(
    monthsFrom,
    rolled?.month ? earliest(wholeTo, nextMonth(rolled.month)) : monthsFrom,
  )
  const liveFrom = latest(from, rolled?.day ? addDays(rolled.day, 1) : from)
  return { from, to, monthsFrom, monthsTo, liveFrom }
}

/**
 * The rows of one dimension for a period: whole months from the monthly rollups (unless
 * `byDay`, for a chart), the other days from the daily ones, and the days after the last one
 * rolled up (today, and a day still in its grace) grouped from their raw events. Days and months
 * are rolled up in order, so nothing is read twice and nothing is left out.
 */
export function dailyRows(
  dimension: Dimension,
  b: Bounds,
  { byDay = false, events = 'analytics_events' } = {},
): string {
  const columns: readonly string[] = DIMENSIONS[dimension]
  const keys = columns.length ? `, ${columns.join(', ')}` : ''
  const from = checked(b.from)
  const to = checked(b.to)
  const liveFrom = checked(b.liveFrom)
  const monthsFrom = byDay ? from : checked(b.monthsFrom)
  const monthsTo = byDay ? from : checked(b.monthsTo)
  const rows = (table: string, where: string) =>
    `select day${keys}, views, visitors from ${table} where dimension = '${dimension}' and ${where}`
  const parts = [
    rows('analytics_daily', `day >= '${from}' and day < '${earliest(monthsFrom, liveFrom)}'`),
    rows('analytics_daily', `day >= '${monthsTo}' and day < '${liveFrom}' and day <= '${to}'`),
    `select day${keys}, views, visitors from (${rawGrouped(
      dimension,
      `day >= '${liveFrom}' and day <= '${to}'`,
      events,
    )}) live_rows`,
  ]
  if (monthsFrom < monthsTo)
    parts.unshift(rows('analytics_monthly', `day >= '${monthsFrom}' and day < '${monthsTo}'`))
  return `(${parts.join(' union all ')})`
}

/** The raw events a period reads (the days after the last one rolled up), for a report's `live`. */
export function liveEvents(b: Bounds): string {
  return `select * from analytics_events where day >= '${checked(b.liveFrom)}' and day <= '${checked(b.to)}'`
}

/**
 * For a report's statement, in its transaction: no JIT compilation and no parallel workers. Its
 * queries read tens of thousands of rollup rows, which PostgreSQL's cost estimates rate high
 * enough to compile and to split, and both cost more than the reading itself (EXPLAIN ANALYZE
 * and the figures: docs/benchmarks.md, "Analytics").
 */
export async function readingManyRows(tx: Queryable): Promise<void> {
  await tx.query(
    `select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  )
}
