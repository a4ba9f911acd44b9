import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { addDays, localDay } from '../../lib/analytics/days'
import { analyticsReport } from '../../lib/analytics/report'
import { rollUp } from '../../lib/analytics/store'
import type { Database } from '../../lib/db/database'
import { migrate } from '../../lib/db/migrations'
import { openPglite } from '../../lib/db/pglite'
import { openPostgres } from '../../lib/db/postgres'
import { pgliteDir } from '../../lib/db'
import { startPostgres } from '../testing/postgres'
import { treeRssMiB } from './memory'
import { startNext } from './servers'

export type ReportAtScale = {
  database: string
  events: number
  generateMs: number
  rollUpMs: number
  rollupRows: number
  /** A year's report (every table of /staff/analytics), median of 5, after one warm-up. */
  yearReportMs: number
  runsMs: number[]
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

/**
 * `events` page views spread over the year to today, generated inside the database (2,000 reviews
 * read on a steep curve, 50 referring sites, 10 campaigns, 20,000 visitors a day), rolled up as
 * the site does, then the year's report timed with every raw event still stored.
 */
export async function reportAtScale(
  database: string,
  db: Database,
  events: number,
  now = new Date(),
): Promise<ReportAtScale> {
  await migrate(db)
  const start = Date.now()
  const from = addDays(localDay(now), -364)
  const chunk = 1_000_000
  for (let done = 0; done < events; done += chunk) {
    const n = Math.min(chunk, events - done)
    await db.query(
      `insert into analytics_events
         (at, day, path, kind, review, referrer, utm_source, utm_medium, utm_campaign, utm_content, device, visitor)
       select at, (at at time zone 'Europe/London')::date, '/reviews/film-' || r, 'review', 'film-' || r,
         case when i % 5 = 0 then 'site' || (i % 50) || '.example' else '' end,
         case when i % 7 = 0 then 'source' || (i % 10) else '' end,
         case when i % 7 = 0 then (array['social', 'email', 'partner'])[1 + i % 3] else '' end,
         case when i % 7 = 0 then 'campaign-' || (i % 10) else '' end,
         '',
         case when i % 3 = 0 then 'phone' else 'desktop' end,
         md5((i % 20000)::text || (at at time zone 'Europe/London')::date::text)
       from (
         select i, $1::date::timestamptz + ((i::float8 / $3) * 364 * 86400) * interval '1 second' as at,
           floor(2000 * power(random(), 3))::int as r
         from generate_series($2::bigint, $2::bigint + $4 - 1) i
       ) g`,
      [from, done, events, n],
    )
  }
  const generateMs = Date.now() - start
  const rolling = Date.now()
  await rollUp(db, now)
  const rollUpMs = Date.now() - rolling
  const [{ rows } = { rows: 0 }] = await db.query<{ rows: number }>(
    'select count(*)::int as rows from analytics_daily',
  )
  await analyticsReport(db, from, localDay(now))
  const runsMs: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    await analyticsReport(db, from, localDay(now))
    runsMs.push(Math.round(performance.now() - t))
  }
  return {
    database,
    events,
    generateMs,
    rollUpMs,
    rollupRows: rows,
    yearReportMs: median(runsMs),
    runsMs,
  }
}

/** The report at scale on PostgreSQL (and, with a smaller count if asked, PGlite in a folder). */
export async function reportsAtScale(
  events: number,
  pgliteEvents: number,
): Promise<ReportAtScale[]> {
  const results: ReportAtScale[] = []
  const pg = await startPostgres()
  try {
    const db = await openPostgres(pg.url)
    try {
      results.push(await reportAtScale('PostgreSQL', db, events))
    } finally {
      await db.close()
    }
  } finally {
    await pg.stop()
  }
  if (pgliteEvents > 0) {
    const root = mkdtempSync(path.join(tmpdir(), 'intertitle-bench-analytics-'))
    try {
      const db = await openPglite(pgliteDir(root))
      try {
        results.push(await reportAtScale('PGlite', db, pgliteEvents))
      } finally {
        await db.close()
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }
  return results
}

export type BeaconLoad = {
  database: string
  targetPerSecond: number
  seconds: number
  sent: number
  accepted: number
  refused: number
  errors: number
  stored: number
  lost: number
  achievedPerSecond: number
  reviewIdleP95Ms: number
  reviewLoadedP95Ms: number
  reviewRatio: number
  memoryWarmMiB: number
  memoryPeakMiB: number
}

const REVIEW = '/reviews/ballerina-2025'
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0.0.0 Safari/537.36'

/** The review page at a steady 20 requests a second, as a reader's browser asks for it. */
async function reviewP95(base: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${base}${REVIEW}`,
    connections: 4,
    overallRate: 20,
    duration: seconds,
    headers: { 'accept-encoding': 'br, gzip' },
  })
  return percentile95(result)
}

// autocannon reports p90 and p97.5 but not p95: the mean of the two neighbours, honestly named.
const percentile95 = (result: autocannon.Result) =>
  Math.round(((result.latency.p90 + result.latency.p97_5) / 2) * 10) / 10

/**
 * `rate` beacons a second for `seconds` against the built site's server (server.mjs, as `npm
 * start` runs it) on one database, each from one of 20,000 client addresses (TRUSTED_PROXIES=1,
 * the bench plays the proxy), while the review page is asked 20 times a second; then what the
 * database holds is counted against the 202s.
 */
export async function beaconLoad(
  root: string,
  port: number,
  database: 'pglite' | 'postgres',
  rate = 2000,
  seconds = 30,
): Promise<BeaconLoad> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-bench-beacons-'))
  const pg = database === 'postgres' ? await startPostgres() : undefined
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    TRUSTED_PROXIES: '1',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  }
  try {
    const server = await startNext(root, port, env, '/robots.txt')
    let stopped = false
    try {
      const base = server.url
      await reviewP95(base, 5)
      const memoryWarmMiB = treeRssMiB(server.pid)
      const reviewIdleP95Ms = await reviewP95(base, 15)
      let n = 0
      const body = JSON.stringify({
        p: REVIEW,
        q: '?utm_source=bench&utm_campaign=load',
        r: '',
        w: 1280,
      })
      let peak = memoryWarmMiB
      const sampler = setInterval(() => (peak = Math.max(peak, treeRssMiB(server.pid))), 500)
      const [beacons, reviewLoadedP95Ms] = await Promise.all([
        autocannon({
          url: base,
          connections: 64,
          overallRate: rate,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              path: '/api/analytics',
              body,
              setupRequest: (request) => {
                const i = n++ % 20_000
                return {
                  ...request,
                  headers: {
                    origin: base,
                    'content-type': 'text/plain;charset=UTF-8',
                    'user-agent': UA,
                    'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
                  },
                }
              },
            },
          ],
        }),
        reviewP95(base, seconds),
      ])
      clearInterval(sampler)
      const accepted = beacons.statusCodeStats?.['202']?.count ?? 0
      // Stored within a second of their beacon; three to be sure, then counted.
      await new Promise((r) => setTimeout(r, 3000))
      await server.stop()
      stopped = true
      const db = pg ? await openPostgres(pg.url) : await openPglite(pgliteDir(dataDir))
      let stored = 0
      try {
        const [row] = await db.query<{ n: number }>(
          'select count(*)::int as n from analytics_events',
        )
        stored = row?.n ?? 0
      } finally {
        await db.close()
      }
      const sent = beacons.requests.sent
      return {
        database: pg ? 'PostgreSQL' : 'PGlite',
        targetPerSecond: rate,
        seconds,
        sent,
        accepted,
        refused: beacons.non2xx,
        errors: beacons.errors + beacons.timeouts,
        stored,
        lost: accepted - stored,
        achievedPerSecond: Math.round(accepted / seconds),
        reviewIdleP95Ms,
        reviewLoadedP95Ms,
        reviewRatio: Math.round((reviewLoadedP95Ms / reviewIdleP95Ms) * 100) / 100,
        memoryWarmMiB,
        memoryPeakMiB: peak,
      }
    } finally {
      if (!stopped) await server.stop()
    }
  } finally {
    await pg?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
