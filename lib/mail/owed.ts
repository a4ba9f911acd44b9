import type { Database, Queryable } from '@/lib/db'
import { isPermanentFailure, type Mail, type Mailer } from '.'

/**
 * EVERY EMAIL THE SITE OWES but the new issue's (whose ledger is newsletter_deliveries): the
 * confirmation of a signup, a staff sign-in link, a test copy of an issue. Each is written to
 * `owed_emails` in the transaction of what owes it (or, for sign-in, before the answer is sent),
 * then sent by the site's worker: a process killed at any instant loses none, and none is sent
 * twice but in the one window SMTP leaves (docs/newsletter.md).
 */
export type OwedKind = 'confirmation' | 'sign-in' | 'issue-test'

export type OwedEmail = {
  kind: OwedKind
  to: string
  /** What owes it, for whoever reads the table: "signup of subscriber 12", "sign-in request". */
  cause: string
  /** What composing it needs (a link's token): kept until it is sent, then cleared. */
  payload: Record<string, string>
  /** After this it is not sent at all (its link would no longer work). */
  expiresAt?: Date
}

/** An owed email as composed for sending: everything but its recipient and its id. */
export type Composed = Omit<Mail, 'to' | 'messageId'>

const sql = {
  owe: `
    insert into owed_emails (kind, recipient, cause, payload, expires_at)
    values ($1, $2, $3, $4::jsonb, $5) returning id::text as id`,
  // The one claim on an owed email. One found 'sending' is taken over only once its claim is
  // older than the lease ($2 seconds): its sender died mid-message.
  claim: `
    update owed_emails o
    set state = 'sending', attempts = o.attempts + 1, updated_at = now()
    where o.id in (
      select id from owed_emails
      where (state in ('queued', 'deferred') and due_at <= now())
         or (state = 'sending' and updated_at < now() - make_interval(secs => $2))
      order by id limit $1
      for update skip locked)
    returning o.id::text as id, o.kind, o.recipient, o.payload, o.attempts,
              coalesce(o.expires_at < now(), false) as expired`,
  final: `
    update owed_emails set state = $2, last_error = $3, payload = null, updated_at = now(),
      sent_at = case when $2 = 'sent' then now() else sent_at end
    where id = $1::bigint`,
  // Tried again after 30 s, doubling to an hour: a mail server's outage is waited out.
  defer: `
    update owed_emails set state = 'deferred', last_error = $2, updated_at = now(),
      due_at = now() + make_interval(secs => least(3600, 30 * power(2, greatest(attempts - 1, 0))))
    where id = $1::bigint`,
  // Claimed but not tried (the server failed on an earlier one): back to the queue as it was.
  putBack: `
    update owed_emails set state = 'queued', attempts = attempts - 1, updated_at = now()
    where id = $1::bigint and state = 'sending'`,
  counts: `select state, count(*)::int as n from owed_emails group by state`,
  // Done with 30 days ago: the record of who was sent what goes.
  purge: `
    delete from owed_emails
    where state in ('sent', 'bounced', 'expired') and updated_at < now() - interval '30 days'`,
} as const

/** Records an email the site owes, in the caller's transaction (or on its own); gives its id. */
export async function oweEmail(q: Queryable, email: OwedEmail): Promise<string> {
  const [row] = await q.query<{ id: string }>(sql.owe, [
    email.kind,
    email.to,
    email.cause.slice(0, 300),
    JSON.stringify(email.payload),
    email.expiresAt ?? null,
  ])
  return row!.id
}

/** Forgets owed emails finished 30 days ago (who was sent what); gives how many. */
export async function purgeOwedEmails(db: Queryable): Promise<number> {
  return (await db.query(`${sql.purge} returning id`)).length
}

export type OwedCounts = Record<
  'queued' | 'sending' | 'deferred' | 'sent' | 'bounced' | 'expired',
  number
>

export async function owedCounts(db: Queryable): Promise<OwedCounts> {
  const counts: OwedCounts = { queued: 0, sending: 0, deferred: 0, sent: 0, bounced: 0, expired: 0 }
  for (const row of await db.query<{ state: keyof OwedCounts; n: number }>(sql.counts))
    counts[row.state] = row.n
  return counts
}

export type OwedSenderDeps = {
  db: Database
  mailer: Mailer
  /** The email of one kind, from its payload. */
  compose: (kind: OwedKind, payload: Record<string, string>) => Promise<Composed>
  /** Told of a permanent failure (a 5xx): the address does not take mail. */
  bounced?: (kind: OwedKind, recipient: string) => Promise<void>
  /** How long a claim holds an email before another sender may take it over (seconds). */
  leaseSeconds?: number
  batchSize?: number
  log?: (line: string) => void
}

/** What one round of work did: how many it handled, and the temporary failure that stopped it. */
export type Round = { handled: number; failure?: string }

type Claimed = {
  id: string
  kind: OwedKind
  recipient: string
  payload: Record<string, string> | null
  attempts: number
  expired: boolean
}

/**
 * Sends the owed emails that are due, a batch at a time: each claimed, sent, recorded. A 5xx marks
 * it bounced; a temporary failure (the server down, a 4xx) defers it and stops the round, putting
 * back what was claimed and not tried, so the caller can rest before the next.
 */
export async function sendOwedEmails(deps: OwedSenderDeps): Promise<Round> {
  const { db, mailer } = deps
  const claimed = await db.query<Claimed>(sql.claim, [
    deps.batchSize ?? 20,
    deps.leaseSeconds ?? 120,
  ])
  // In the order they were owed (an update's returned rows come in no set order).
  claimed.sort((a, b) => Number(a.id) - Number(b.id))
  let handled = 0
  for (const [i, email] of claimed.entries()) {
    if (email.expired || !email.payload) {
      await db.query(sql.final, [email.id, 'expired', null])
      handled++
      continue
    }
    try {
      await mailer.send({
        ...(await deps.compose(email.kind, email.payload)),
        to: email.recipient,
        // The same for every attempt: a receiving system that sees a resend knows it.
        messageId: `<owed-${email.id}@mail.intertitle>`,
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (isPermanentFailure(error)) {
        await db.query(sql.final, [email.id, 'bounced', message])
        await deps.bounced?.(email.kind, email.recipient)
        deps.log?.(`owed email ${email.id} (${email.kind}) bounced: ${message}`)
        handled++
        continue
      }
      await db.query(sql.defer, [email.id, message])
      for (const rest of claimed.slice(i + 1)) await db.query(sql.putBack, [rest.id])
      return { handled, failure: message }
    }
    await db.query(sql.final, [email.id, 'sent', null])
    handled++
  }
  return { handled }
}
