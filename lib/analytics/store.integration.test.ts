import { describe, expect, it } from 'vitest'
import { createStore } from '@/lib/newsletter/store'
import { migrations } from '@/lib/db'
import { bothDatabases } from '@/scripts/testing/databases'
import type { PageView } from './beacon'
import { pageOf } from './pages'
import { analyticsReport, mostRead, reviewReport, TOP, type Figures } from './report'
import { insertViews, purgeEvents, rollUp, type StoredView } from './store'
import { createSalts, visitorHash } from './visitor'

const backends = bothDatabases()

const none = { referrer: '', source: '', medium: '', campaign: '', content: '' }
const on = (path: string, extra: Partial<PageView> = {}): PageView => ({
  ...pageOf(path),
  ...none,
  device: 'desktop',
  ...extra,
})
const social = { source: 'bluesky', medium: 'social', campaign: 'july-push', content: '' }
const email = { source: 'newsletter', medium: 'email', campaign: 'july-2025', content: '' }

/**
 * Three days in London (BST): 30 June, 1 July (which starts at 23:00 UTC on 30 June) and 2 July.
 * Readers a, b and c, each a hash of that day.
 */
const views: [string, string, PageView][] = [
  ['2026-06-30T09:00:00Z', 'a', on('/reviews/ballerina-2025', { ...social, referrer: 'bsky.app' })],
  ['2026-06-30T09:01:00Z', 'a', on('/reviews/sinners-2025')],
  ['2026-06-30T12:00:00Z', 'b', on('/', { device: 'phone', referrer: 'search.example' })],
  ['2026-06-30T23:30:00Z', 'a', on('/reviews/ballerina-2025', email)],
  ['2026-07-01T08:00:00Z', 'b', on('/reviews/ballerina-2025', email)],
  ['2026-07-01T08:05:00Z', 'b', on('/reviews/sinners-2025', email)],
  ['2026-07-02T10:00:00Z', 'c', on('/reviews/ballerina-2025', { ...social, device: 'phone' })],
]
const stored = (): StoredView[] =>
  views.map(([at, visitor, view]) => ({
    ...view,
    at: new Date(at),
    visitor: `${visitor}@${at.slice(0, 10)}`,
  }))

for (const [name, open] of backends) {
  describe(`analytics on ${name}`, { timeout: 120_000 }, () => {
    it('reports the same figures from raw events and from rollups, and rolls up only ended days', async () => {
      const db = await open()
      await insertViews(db, stored())
      const before = await analyticsReport(db, '2026-06-28', '2026-07-02')

      expect(before.total).toEqual({ views: 7, visitors: 5 })
      expect(before.byDay).toEqual([
        { day: '2026-06-28', views: 0, visitors: 0 },
        { day: '2026-06-29', views: 0, visitors: 0 },
        { day: '2026-06-30', views: 3, visitors: 2 },
        { day: '2026-07-01', views: 3, visitors: 2 },
        { day: '2026-07-02', views: 1, visitors: 1 },
      ])
      expect(before.reviews).toEqual([
        { review: 'ballerina-2025', views: 4, visitors: 4 },
        { review: 'sinners-2025', views: 2, visitors: 2 },
      ])
      expect(before.referrers).toEqual([
        { referrer: 'bsky.app', views: 1, visitors: 1 },
        { referrer: 'search.example', views: 1, visitors: 1 },
      ])
      expect(before.byDevice).toEqual([
        { device: 'desktop', views: 5, visitors: 3 },
        { device: 'phone', views: 2, visitors: 2 },
      ])
      // The newsletter: three clicks from its email, by two readers on 1 July (one of them twice).
      expect(before.newsletter).toEqual([
        {
          issue: 'july-2025',
          views: 3,
          visitors: 2,
          reviews: [
            { review: 'ballerina-2025', views: 2, visitors: 2 },
            { review: 'sinners-2025', views: 1, visitors: 1 },
          ],
        },
      ])

      // 2 July 10:05 London: 30 June and 1 July have ended; 2 July stays raw.
      expect(await rollUp(db, new Date('2026-07-02T09:05:00Z'))).toEqual([
        '2026-06-30',
        '2026-07-01',
      ])
      expect(await rollUp(db, new Date('2026-07-02T09:06:00Z'))).toEqual([])
      expect(await analyticsReport(db, '2026-06-28', '2026-07-02')).toEqual(before)
      // June has ended and is added up as a month: a period holding all of it reads it from there.
      const [{ months } = { months: 0 }] = await db.query<{ months: number }>(
        `select count(distinct day)::int as months from analytics_monthly`,
      )
      expect(months).toBe(1)
      const { byDay, from, ...figures } = before
      const wide = async () => {
        const {
          byDay: days,
          from: start,
          ...rest
        } = await analyticsReport(db, '2026-05-20', '2026-07-02')
        expect(start).toBe('2026-05-20')
        expect(days.slice(-5)).toEqual(byDay)
        return rest
      }
      expect(from).toBe('2026-06-28')
      expect(await wide()).toEqual(figures)
      // With the raw events of rolled-up days gone, the rollups alone give the same figures.
      await db.query(`delete from analytics_events where day < '2026-07-02'`)
      expect(await analyticsReport(db, '2026-06-28', '2026-07-02')).toEqual(before)
      expect(await wide()).toEqual(figures)

      const review = await reviewReport(db, 'ballerina-2025', '2026-06-30', '2026-07-02')
      expect(review.total).toEqual({ views: 4, visitors: 4 })
      expect(review.byDay.map((d) => d.views)).toEqual([1, 2, 1])
      expect(review.referrers).toEqual([{ referrer: 'bsky.app', views: 1, visitors: 1 }])
      expect(review.campaigns).toEqual([
        { ...social, views: 2, visitors: 2 },
        { ...email, views: 2, visitors: 2 },
      ])
      expect(await mostRead(db, new Date('2026-07-02T12:00:00Z'))).toEqual([
        'ballerina-2025',
        'sinners-2025',
      ])
    })

    it('reads whole months, days and today in one statement, and counts exactly what was stored', async () => {
      const db = await open()
      await db.query('delete from analytics_events')
      await db.query('delete from analytics_rolled_days')
      await db.query('delete from analytics_rolled_months')
      await db.query('delete from analytics_daily')
      await db.query('delete from analytics_monthly')
      // A view every 17 minutes from 20 April to noon on 2 July: 60 reviews, 7 referring sites,
      // campaigns on three media (email among them), 97 readers a day.
      await db.query(
        `insert into analytics_events (at, day, path, kind, review, referrer, utm_source,
           utm_medium, utm_campaign, utm_content, device, visitor)
         select at, (at at time zone 'Europe/London')::date, '/reviews/film-' || r, 'review',
           'film-' || r,
           case when i % 5 = 0 then 'site' || (i % 7) || '.example' else '' end,
           case when i % 4 = 0 then 'source' || (i % 3) else '' end,
           case when i % 4 = 0 then (array['social', 'email', 'partner'])[1 + i % 3] else '' end,
           case when i % 4 = 0 then 'campaign-' || ((i / 4) % 5) else '' end,
           '', case when i % 3 = 0 then 'phone' else 'desktop' end,
           md5((i % 97)::text || (at at time zone 'Europe/London')::date::text)
         from (select i, '2026-04-20T00:00:00Z'::timestamptz + i * interval '17 minutes' as at,
                 (i * 7919) % 60 as r
               from generate_series(0, 6300) i) g
         where at < '2026-07-02T12:00:00Z'`,
      )
      // April, May and June are months rolled up; 1 July a day; 2 July is today's raw events.
      await rollUp(db, new Date('2026-07-02T12:00:00Z'))
      const [from, to] = ['2026-04-25', '2026-07-02']
      const report = await analyticsReport(db, from, to)

      // What was stored, added up straight from the raw events: views, and each day's visitors.
      const stored = <Row>(columns: string, where = 'true') =>
        db.query<Row & Figures>(
          `select ${columns}, sum(v)::int as views, sum(u)::int as visitors from (
             select day, ${columns}, count(*) as v, count(distinct visitor) as u
             from analytics_events where day between '${from}' and '${to}' and ${where}
             group by day, ${columns}) g
           group by ${columns} order by views desc, ${columns}`,
        )
      const [total] = await db.query<Figures>(
        `select sum(v)::int as views, sum(u)::int as visitors from (
           select count(*) as v, count(distinct visitor) as u from analytics_events
           where day between '${from}' and '${to}' group by day) g`,
      )
      expect(total!.views).toBeGreaterThan(5000)
      expect(report.total).toEqual(total)
      // Top lists: the first 50 (TOP), each issue's reviews too.
      expect(report.reviews).toEqual((await stored('review', `kind = 'review'`)).slice(0, TOP))
      expect(report.referrers).toEqual(await stored('referrer', `referrer <> ''`))
      expect(report.byDevice).toEqual(await stored('device'))
      type Utm = {
        utm_source: string
        utm_medium: string
        utm_campaign: string
        utm_content: string
      }
      const campaigns = await stored<Utm>(
        `utm_source, utm_medium, utm_campaign, utm_content`,
        `utm_source <> ''`,
      )
      expect(report.campaigns).toEqual(
        campaigns.map((c) => ({
          source: c.utm_source,
          medium: c.utm_medium,
          campaign: c.utm_campaign,
          content: c.utm_content,
          views: c.views,
          visitors: c.visitors,
        })),
      )
      const issues = await stored<{ utm_campaign: string }>('utm_campaign', `utm_medium = 'email'`)
      const opened = await stored<{ utm_campaign: string; review: string }>(
        'utm_campaign, review',
        `utm_medium = 'email'`,
      )
      expect(report.newsletter).toEqual(
        issues.map(({ utm_campaign: issue, views, visitors }) => ({
          issue,
          views,
          visitors,
          reviews: opened
            .filter((o) => o.utm_campaign === issue)
            .slice(0, TOP)
            .map(({ review, views, visitors }) => ({ review, views, visitors })),
        })),
      )

      // A site whose days were rolled up before the newsletter had rows of its own gets them
      // from migration 8, and reads the same report.
      await db.query(`delete from analytics_daily where dimension = 'newsletter'`)
      await db.query(`delete from analytics_monthly where dimension = 'newsletter'`)
      await db.exec(migrations.find((m) => m.version === 8)!.sql)
      expect(await analyticsReport(db, from, to)).toEqual(report)
      for (const table of ['events', 'rolled_days', 'rolled_months', 'daily', 'monthly'])
        await db.query(`delete from analytics_${table}`)
    })

    it('joins each campaign to the signups it brought and how many confirmed', async () => {
      const db = await open()
      await db.query('delete from analytics_events')
      await insertViews(db, stored())
      const store = await createStore(db)
      for (const [address, at] of [
        ['one@example.com', '2026-06-30T09:03:00Z'],
        ['two@example.com', '2026-07-02T10:02:00Z'],
      ] as const)
        await store.signUp({
          email: address,
          consentedAt: new Date(at),
          consentText: 'Yes',
          utm: { source: social.source, medium: social.medium, campaign: social.campaign },
        })
      await db.query(
        `update subscribers set status = 'confirmed', confirmed_at = now() where email = 'one@example.com'`,
      )
      const report = await analyticsReport(db, '2026-06-28', '2026-07-02')
      expect(report.funnel).toEqual([
        {
          source: 'newsletter',
          medium: 'email',
          campaign: 'july-2025',
          views: 3,
          visitors: 2,
          signups: 0,
          confirmed: 0,
        },
        {
          source: 'bluesky',
          medium: 'social',
          campaign: 'july-push',
          views: 2,
          visitors: 2,
          signups: 2,
          confirmed: 1,
        },
      ])
    })

    it('keeps raw events for the retention period only, and only once rolled up', async () => {
      const db = await open()
      await db.query('delete from analytics_events')
      await db.query('delete from analytics_rolled_days')
      await db.query('delete from analytics_daily')
      await insertViews(db, stored())
      const now = new Date('2026-07-02T12:00:00Z')
      // Not rolled up yet: nothing is deleted, whatever its age.
      expect(await purgeEvents(db, now, 1)).toBe(0)
      await rollUp(db, now)
      // Kept 1 day back from 2 July: 1 July stays, 30 June goes.
      expect(await purgeEvents(db, now, 1)).toBe(3)
      const left = await db.query<{ day: string }>(
        `select distinct to_char(day, 'YYYY-MM-DD') as day from analytics_events order by 1`,
      )
      expect(left.map((r) => r.day)).toEqual(['2026-07-01', '2026-07-02'])
      expect((await analyticsReport(db, '2026-06-30', '2026-07-02')).total).toEqual({
        views: 7,
        visitors: 5,
      })
    })

    it("makes a salt each day and deletes yesterday's: a visitor cannot be linked across days", async () => {
      const db = await open()
      const site = 'intertitle.test'
      const reader = ['203.0.113.9', 'Mozilla/5.0 Firefox/150.0', site] as const
      const salts = createSalts(db)
      const monday = await salts.saltFor('2026-07-06')
      // A second instance of the site shares the day's salt through the database.
      expect(await createSalts(db).saltFor('2026-07-06')).toBe(monday)
      const seenMonday = visitorHash(monday, ...reader)
      expect(visitorHash(monday, ...reader)).toBe(seenMonday)
      expect(visitorHash(monday, '203.0.113.10', reader[1], site)).not.toBe(seenMonday)

      const tuesday = await salts.saltFor('2026-07-07')
      expect(tuesday).not.toBe(monday)
      expect(visitorHash(tuesday, ...reader)).not.toBe(seenMonday)
      // Monday's salt is gone: nothing left can make Monday's hash again.
      const kept = await db.query<{ day: string; salt: string }>(
        `select to_char(day, 'YYYY-MM-DD') as day, salt from analytics_salts`,
      )
      expect(kept.map((k) => k.day)).toEqual(['2026-07-07'])
      expect(kept.some((k) => k.salt === monday)).toBe(false)
    })

    it('stores a batch of thousands in one statement, to the minute, with no address or agent', async () => {
      const db = await open()
      await db.query('delete from analytics_events')
      const many = Array.from({ length: 5000 }, (_, i) => ({
        ...on('/reviews/ballerina-2025'),
        at: new Date(Date.UTC(2026, 6, 3, 10, 0, 42, i)),
        visitor: `v${i % 700}`,
      }))
      await insertViews(db, many)
      const [row] = await db.query<{ n: number; at: string }>(
        `select count(*)::int as n, min(to_char(at at time zone 'UTC', 'HH24:MI:SS')) as at from analytics_events`,
      )
      expect(row).toEqual({ n: 5000, at: '10:00:00' })
      const columns = await db.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_name = 'analytics_events'`,
      )
      for (const forbidden of ['ip', 'address', 'user_agent', 'ua'])
        expect(columns.map((c) => c.column_name)).not.toContain(forbidden)
    })
  })
}
