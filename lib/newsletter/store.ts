import { migrate, openDatabase, type Database, type DatabaseConfig } from '@/lib/db'
import type { UtmKey } from './form'

export type NewSubscriber = {
  /** Already normalised (see normaliseEmail). */
  email: string
  consentedAt: Date
  consentText: string
  sourcePath?: string
  sourceReview?: string
  sourceIssue?: string
  utm: Partial<Record<UtmKey, string>>
}

export type Subscriber = {
  id: string
  email: string
  /** ISO 8601, UTC. */
  consentedAt: string
  consentText: string
  sourcePath: string | null
  sourceReview: string | null
  sourceIssue: string | null
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmContent: string | null
  utmTerm: string | null
}

/** The one set of queries, run unchanged on PGlite and on PostgreSQL. */
const sql = {
  // DO NOTHING: an address already on the list costs the same statement and leaves its
  // first consent untouched, and nothing reports which case happened.
  add: `
    insert into subscribers (email, consented_at, consent_text, source_path, source_review, source_issue,
                             utm_source, utm_medium, utm_campaign, utm_content, utm_term)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    on conflict (lower(email)) do nothing`,
  page: `
    select id::text as id, email,
           to_char(consented_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "consentedAt",
           consent_text as "consentText", source_path as "sourcePath", source_review as "sourceReview",
           source_issue as "sourceIssue", utm_source as "utmSource", utm_medium as "utmMedium",
           utm_campaign as "utmCampaign", utm_content as "utmContent", utm_term as "utmTerm"
    from subscribers
    where id > $1::bigint
    -- Qualified: a bare "id" here would mean the text column selected above, and sort 10 before 9.
    order by subscribers.id
    limit $2`,
  count: 'select count(*)::int as n from subscribers',
} as const

export interface SubscriberStore {
  readonly kind: Database['kind']
  /** Adds an address, or does nothing if it is already on the list. Says nothing either way. */
  add(subscriber: NewSubscriber): Promise<void>
  /** Every subscriber in signup order, a page at a time (for the export). */
  list(options?: { pageSize?: number }): AsyncGenerator<Subscriber>
  count(): Promise<number>
  close(): Promise<void>
}

/** Brings the schema up to date, then serves the store from `db`. */
export async function createStore(db: Database): Promise<SubscriberStore> {
  await migrate(db)
  return {
    kind: db.kind,
    async add(s) {
      await db.query(sql.add, [
        s.email,
        s.consentedAt,
        s.consentText,
        s.sourcePath ?? null,
        s.sourceReview ?? null,
        s.sourceIssue ?? null,
        s.utm.source ?? null,
        s.utm.medium ?? null,
        s.utm.campaign ?? null,
        s.utm.content ?? null,
        s.utm.term ?? null,
      ])
    },
    async *list({ pageSize = 1000 } = {}) {
      let after = '0'
      for (;;) {
        const rows = await db.query<Subscriber>(sql.page, [after, pageSize])
        yield* rows
        const last = rows.at(-1)
        if (!last || rows.length < pageSize) return
        after = last.id
      }
    },
    async count() {
      const [row] = await db.query<{ n: number }>(sql.count)
      return row?.n ?? 0
    },
    close: () => db.close(),
  }
}

/** The store on its own connection (scripts and tests); the server shares `siteDatabase()`. */
export async function openStore(config: DatabaseConfig): Promise<SubscriberStore> {
  return createStore(await openDatabase(config))
}
