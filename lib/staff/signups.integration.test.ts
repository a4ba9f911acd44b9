import { describe, expect, it } from 'vitest'
import { createStore } from '@/lib/newsletter/store'
import { bothDatabases } from '@/scripts/testing/databases'
import { signupsCsv, signupsReport } from './signups'

const backends = bothDatabases()

// Tuesday 30 June 2026, 23:30 UTC: already Wednesday 1 July in London (BST).
const at = (iso: string) => new Date(iso)
const signups = [
  // Two from one social campaign, on the flagship review, in the June issue.
  {
    email: 'a@example.com',
    at: '2026-06-29T09:00:00Z',
    review: 'ballerina-2025',
    issue: 'june-2025',
    utm: { source: 'bluesky', medium: 'social', campaign: 'june-issue' },
  },
  {
    email: 'b@example.com',
    at: '2026-06-30T23:30:00Z',
    review: 'ballerina-2025',
    issue: 'june-2025',
    utm: { source: 'bluesky', medium: 'social', campaign: 'june-issue' },
  },
  // One from the newsletter's own link, with a content tag, on another review.
  {
    email: 'c@example.com',
    at: '2026-07-01T10:00:00Z',
    review: 'sinners-2025',
    issue: 'july-2025',
    utm: {
      source: 'newsletter',
      medium: 'email',
      campaign: 'july-2025',
      content: 'cover',
    },
  },
  // One with no campaign, from the newsletter page (no review, no issue).
  {
    email: 'd@example.com',
    at: '2026-07-06T08:00:00Z',
    review: undefined,
    issue: undefined,
    utm: {},
  },
  // Outside the period: not counted.
  {
    email: 'e@example.com',
    at: '2026-05-01T08:00:00Z',
    review: 'sinners-2025',
    issue: undefined,
    utm: {},
  },
]

for (const [name, open] of backends) {
  describe(`signups report on ${name}`, { timeout: 120_000 }, () => {
    it('counts by day and week (London, from Monday), campaign, review, issue and status', async () => {
      const db = await open()
      const store = await createStore(db)
      for (const s of signups)
        await store.signUp({
          email: s.email,
          consentedAt: at(s.at),
          consentText: 'Yes',
          sourceReview: s.review,
          sourceIssue: s.issue,
          utm: s.utm,
        })
      await db.query(
        `update subscribers set status = 'confirmed' where email in ('a@example.com', 'c@example.com')`,
      )
      await db.query(`update subscribers set status = 'unsubscribed' where email = 'b@example.com'`)

      const report = await signupsReport(db, at('2026-06-08T00:00:00Z'), at('2026-07-08T00:00:00Z'))
      const counts = (signups: number, pending = 0, confirmed = 0, unsubscribed = 0) => ({
        signups,
        pending,
        confirmed,
        unsubscribed,
        bounced: 0,
      })
      expect(report.total).toEqual(counts(4, 1, 2, 1))
      expect(report.byDay).toEqual([
        { day: '2026-07-06', ...counts(1, 1) },
        { day: '2026-07-01', ...counts(2, 0, 1, 1) },
        { day: '2026-06-29', ...counts(1, 0, 1) },
      ])
      expect(report.byWeek).toEqual([
        { week: '2026-07-06', ...counts(1, 1) },
        { week: '2026-06-29', ...counts(3, 0, 2, 1) },
      ])
      expect(report.byCampaign).toEqual([
        {
          source: 'bluesky',
          medium: 'social',
          campaign: 'june-issue',
          content: '(none)',
          ...counts(2, 0, 1, 1),
        },
        {
          source: '(none)',
          medium: '(none)',
          campaign: '(none)',
          content: '(none)',
          ...counts(1, 1),
        },
        {
          source: 'newsletter',
          medium: 'email',
          campaign: 'july-2025',
          content: 'cover',
          ...counts(1, 0, 1),
        },
      ])
      expect(report.byReview).toEqual([
        { review: 'ballerina-2025', ...counts(2, 0, 1, 1) },
        { review: '(none)', ...counts(1, 1) },
        { review: 'sinners-2025', ...counts(1, 0, 1) },
      ])
      expect(report.byIssue).toEqual([
        { issue: 'june-2025', ...counts(2, 0, 1, 1) },
        { issue: '(none)', ...counts(1, 1) },
        { issue: 'july-2025', ...counts(1, 0, 1) },
      ])

      const csv = signupsCsv(report).split('\r\n')
      expect(csv[0]).toBe(
        '"breakdown","day_or_week","utm_source","utm_medium","utm_campaign","utm_content","review","issue","signups","pending","confirmed","unsubscribed","bounced"',
      )
      expect(csv).toContain('"total",,,,,,,,4,1,2,1,0')
      expect(csv).toContain('"day","2026-07-01",,,,,,,2,0,1,1,0')
      expect(csv).toContain('"campaign",,"bluesky","social","june-issue","(none)",,,2,0,1,1,0')
      expect(csv).toContain('"review",,,,,,"ballerina-2025",,2,0,1,1,0')
      expect(csv).toContain('"issue",,,,,,,"july-2025",1,0,1,0,0')
      expect(csv).toHaveLength(1 + 1 + 3 + 2 + 3 + 3 + 3 + 1)
    })

    it('writes a campaign that hides a formula behind a separator as text', async () => {
      // The red team's repro: a signup from /newsletter?utm_source=x;=1+1.
      const report = {
        from: new Date(0),
        to: new Date(0),
        total: { signups: 1, pending: 1, confirmed: 0, unsubscribed: 0, bounced: 0 },
        byDay: [],
        byWeek: [],
        byCampaign: [
          {
            source: 'x;=1+1',
            medium: '@x',
            campaign: 'a,-2',
            content: '(none)',
            ...{ signups: 1, pending: 1, confirmed: 0, unsubscribed: 0, bounced: 0 },
          },
        ],
        byReview: [],
        byIssue: [],
      }
      expect(signupsCsv(report).split('\r\n')).toContain(
        `"campaign",,"x;'=1+1","'@x","a,'-2","(none)",,,1,1,0,0,0`,
      )
    })
  })
}
