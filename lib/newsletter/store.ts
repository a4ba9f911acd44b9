import { createHash, randomBytes } from 'node:crypto'
import { migrate, openDatabase, type Database, type DatabaseConfig } from '@/lib/db'
import { utc } from '@/lib/db/sql'
import { oweEmail } from '@/lib/mail/owed'
import type { UtmKey } from './form'

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced'

export type NewSubscriber = {
  /** Already normalised (see normaliseEmail). */
  email: string
  consentedAt: Date
  consentText: string
  consentVersion?: string
  sourcePath?: string
  sourceReview?: string
  sourceIssue?: string
  utm: Partial<Record<UtmKey, string>>
}

export type Subscriber = {
  id: string
  email: string
  status: SubscriberStatus
  /** ISO 8601, UTC. */
  consentedAt: string
  consentText: string
  consentVersion: string | null
  confirmedAt: string | null
  unsubscribedAt: string | null
  bouncedAt: string | null
  sourcePath: string | null
  sourceReview: string | null
  sourceIssue: string | null
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmContent: string | null
  utmTerm: string | null
}

/** The promises the signup form makes about confirmation emails. */
export const confirmation = {
  /** A link works this long, as often as it is opened (mail scanners open links too). */
  validForMs: 48 * 3_600_000,
  /** At most one email an address in this time... */
  minIntervalMs: 10 * 60_000,
  /** ...and this many a day, whatever is submitted. */
  perDay: 3,
  /** Addresses never confirmed are removed after this long. */
  pendingForMs: 30 * 86_400_000,
} as const

/** A subscriber's columns, as the Subscriber type names them. */
const SUBSCRIBER = `
  id::text as id, email, status,
  ${utc('consented_at', 'consentedAt')},
  consent_text as "consentText", consent_version as "consentVersion",
  ${utc('confirmed_at', 'confirmedAt')},
  ${utc('unsubscribed_at', 'unsubscribedAt')},
  ${utc('bounced_at', 'bouncedAt')},
  source_path as "sourcePath", source_review as "sourceReview",
  source_issue as "sourceIssue", utm_source as "utmSource", utm_medium as "utmMedium",
  utm_campaign as "utmCampaign", utm_content as "utmContent", utm_term as "utmTerm"`

/** The one set of queries, run unchanged on PGlite and on PostgreSQL. */
const sql = {
  // A new address is pending. One already here keeps its first consent and its status, unless
  // it left (unsubscribed or bounced): signing up again starts over, pending a new confirmation.
  signUp: `
    insert into subscribers (email, consented_at, consent_text, consent_version, source_path,
                             source_review, source_issue, utm_source, utm_medium, utm_campaign,
                             utm_content, utm_term)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
    on conflict (lower(email)) do update set
      status = 'pending', consented_at = excluded.consented_at, consent_text = excluded.consent_text,
      consent_version = excluded.consent_version, confirmed_at = null,
      source_path = excluded.source_path, source_review = excluded.source_review,
      source_issue = excluded.source_issue, utm_source = excluded.utm_source,
      utm_medium = excluded.utm_medium, utm_campaign = excluded.utm_campaign,
      utm_content = excluded.utm_content, utm_term = excluded.utm_term
    where subscribers.status in ('unsubscribed', 'bounced')`,
  // Locks the row, so two signups of one address at once count each other's emails.
  lockOne: `
    select id::text as id, status, unsubscribe_token as "unsubscribeToken"
    from subscribers where lower(email) = lower($1) for update`,
  recentConfirmations: `
    select count(*) filter (where created_at > $2::timestamptz - interval '10 minutes')::int as recent,
           count(*) filter (where created_at > $2::timestamptz - interval '1 day')::int as today
    from confirmation_tokens where subscriber_id = $1::bigint`,
  addToken: `
    insert into confirmation_tokens (token_hash, subscriber_id, created_at, expires_at)
    values ($1, $2::bigint, $3, $4)`,
  tokenState: `
    select s.status from confirmation_tokens t join subscribers s on s.id = t.subscriber_id
    where t.token_hash = $1 and t.expires_at > $2`,
  confirm: `
    update subscribers s
    set status = 'confirmed', confirmed_at = coalesce(s.confirmed_at, $2)
    from confirmation_tokens t
    where t.token_hash = $1 and t.expires_at > $2 and t.subscriber_id = s.id
      and s.status in ('pending', 'confirmed')
    returning s.id`,
  // Final: the address's confirmation links expire now, so an old one cannot undo this (they are
  // kept, still counting towards the limit on confirmation emails).
  leave: `
    with gone as (
      update subscribers set status = $2, unsubscribed_at = case when $2 = 'unsubscribed' then $3::timestamptz else unsubscribed_at end,
                             bounced_at = case when $2 = 'bounced' then $3::timestamptz else bounced_at end
      where {where} and status <> $2
      returning id
    )
    update confirmation_tokens set expires_at = least(expires_at, $3::timestamptz)
    where subscriber_id in (select id from gone)`,
  unsubscribeKnown: `select 1 from subscribers where unsubscribe_token = $1`,
  purge: `
    delete from subscribers
    where status = 'pending' and consented_at < $1::timestamptz - interval '30 days'`,
  erase: `delete from subscribers where lower(email) = lower($1) returning id`,
  // The emails once owed to an erased address go with it, sent or not.
  eraseOwed: `delete from owed_emails where lower(recipient) = lower($1)`,
  page: `select ${SUBSCRIBER} from subscribers where id > $1::bigint
    -- Qualified: a bare "id" here would mean the text column selected above, and sort 10 before 9.
    order by subscribers.id
    limit $2`,
  findOne: `select ${SUBSCRIBER} from subscribers where lower(email) = lower($1)`,
  count: 'select count(*)::int as n from subscribers',
  countByStatus: 'select status, count(*)::int as n from subscribers group by status',
} as const

/** What a confirmation email carries: its link's token, and the reader's unsubscribe token. */
export type ConfirmationTokens = { confirmToken: string; unsubscribeToken: string }

/** What a confirmation or unsubscribe link holds: random, and only its hash is stored. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(24).toString('base64url')

export interface SubscriberStore {
  readonly kind: Database['kind']
  /**
   * A reader asks to join: a new address is stored pending, with its consent record, and the email
   * of a confirmation link is owed to it in the same transaction (owed_emails), unless no email may
   * go (already confirmed, or the address was owed one in the last 10 minutes or three today).
   * Gives the link's tokens when one is owed. Says nothing else.
   */
  signUp(subscriber: NewSubscriber): Promise<{ confirmation?: ConfirmationTokens }>
  /** Whether a confirmation link is live: 'valid' until it expires, 'invalid' after. */
  checkConfirmation(token: string, now?: Date): Promise<'valid' | 'invalid'>
  /** Confirms the address a live link was sent to. */
  confirm(token: string, now?: Date): Promise<'confirmed' | 'invalid'>
  /** Unsubscribes whoever holds this token (from List-Unsubscribe); false if no one does. */
  unsubscribe(token: string, now?: Date): Promise<boolean>
  /** Whether an unsubscribe token belongs to anyone, without saying whom. */
  knowsUnsubscribe(token: string): Promise<boolean>
  /** A permanent delivery failure: never mailed again until they sign up and confirm anew. */
  markBounced(subscriberId: string, now?: Date): Promise<void>
  /** The same, for the address a confirmation email to it bounced from. */
  markAddressBounced(email: string, now?: Date): Promise<void>
  /** Removes addresses left unconfirmed for 30 days; gives how many. */
  purgeUnconfirmed(now?: Date): Promise<number>
  /** The subscriber with exactly this address (its case aside), if there is one. */
  find(email: string): Promise<Subscriber | undefined>
  /** Forgets an address and its consent record; gives whether it was there. */
  erase(email: string): Promise<boolean>
  /** Every subscriber in signup order, a page at a time (for the export). */
  list(options?: { pageSize?: number }): AsyncGenerator<Subscriber>
  count(): Promise<number>
  countByStatus(): Promise<Record<SubscriberStatus, number>>
  close(): Promise<void>
}

/** Brings the schema up to date, then serves the store from `db`. */
export async function createStore(db: Database): Promise<SubscriberStore> {
  await migrate(db)
  const leave = (where: string) => sql.leave.replace('{where}', where)
  const knowsUnsubscribe = async (token: string) =>
    (await db.query(sql.unsubscribeKnown, [token])).length > 0
  return {
    kind: db.kind,
    signUp: (s) =>
      db.transaction(async (tx) => {
        const now = s.consentedAt
        await tx.query(sql.signUp, [
          s.email,
          now,
          s.consentText,
          s.consentVersion ?? null,
          s.sourcePath ?? null,
          s.sourceReview ?? null,
          s.sourceIssue ?? null,
          s.utm.source ?? null,
          s.utm.medium ?? null,
          s.utm.campaign ?? null,
          s.utm.content ?? null,
          s.utm.term ?? null,
        ])
        const [row] = await tx.query<{
          id: string
          status: SubscriberStatus
          unsubscribeToken: string
        }>(sql.lockOne, [s.email])
        if (!row || row.status === 'confirmed') return {}
        const [sent] = await tx.query<{ recent: number; today: number }>(sql.recentConfirmations, [
          row.id,
          now,
        ])
        if (sent && (sent.recent > 0 || sent.today >= confirmation.perDay)) return {}
        const confirmToken = newToken()
        const expiresAt = new Date(now.getTime() + confirmation.validForMs)
        await tx.query(sql.addToken, [hashToken(confirmToken), row.id, now, expiresAt])
        const tokens = { confirmToken, unsubscribeToken: row.unsubscribeToken }
        // Owed from this commit on: the site's worker sends it, whatever happens to this process.
        await oweEmail(tx, {
          kind: 'confirmation',
          to: s.email,
          cause: `signup of subscriber ${row.id}`,
          payload: tokens,
          expiresAt,
        })
        return { confirmation: tokens }
      }),
    async checkConfirmation(token, now = new Date()) {
      const rows = await db.query<{ status: SubscriberStatus }>(sql.tokenState, [
        hashToken(token),
        now,
      ])
      return rows.some((r) => r.status === 'pending' || r.status === 'confirmed')
        ? 'valid'
        : 'invalid'
    },
    async confirm(token, now = new Date()) {
      const rows = await db.query(sql.confirm, [hashToken(token), now])
      return rows.length > 0 ? 'confirmed' : 'invalid'
    },
    async unsubscribe(token, now = new Date()) {
      if (!(await knowsUnsubscribe(token))) return false
      await db.query(leave('unsubscribe_token = $1'), [token, 'unsubscribed', now])
      return true
    },
    knowsUnsubscribe,
    async markBounced(subscriberId, now = new Date()) {
      await db.query(leave('id = $1::bigint'), [subscriberId, 'bounced', now])
    },
    async markAddressBounced(email, now = new Date()) {
      await db.query(leave('lower(email) = lower($1)'), [email, 'bounced', now])
    },
    async purgeUnconfirmed(now = new Date()) {
      return (await db.query(sql.purge + ' returning id', [now])).length
    },
    async find(email) {
      return (await db.query<Subscriber>(sql.findOne, [email]))[0]
    },
    erase: (email) =>
      db.transaction(async (tx) => {
        await tx.query(sql.eraseOwed, [email])
        return (await tx.query(sql.erase, [email])).length > 0
      }),
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
    async countByStatus() {
      const counts = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0 }
      for (const row of await db.query<{ status: SubscriberStatus; n: number }>(sql.countByStatus))
        counts[row.status] = row.n
      return counts
    },
    close: () => db.close(),
  }
}

/** The store on its own connection (scripts and tests); the server shares `services().database()` (lib/services). */
export async function openStore(config: DatabaseConfig): Promise<SubscriberStore> {
  return createStore(await openDatabase(config))
}
