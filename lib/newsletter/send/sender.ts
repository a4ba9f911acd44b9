import type PgBoss from 'pg-boss'
import { createElement } from 'react'
import type { Database } from '@/lib/db'
import type { SubscriberStore } from '../store'
import { bodyTemplate, isPermanentFailure, type EncodedBody, type Mailer } from '@/lib/mail'
import type { RateLimiter } from '@/lib/security/rate-limit'
import { NewIssueEmail, newIssueSubject, type NewIssue } from '../emails/new-issue'
import { oneClickUrl } from '../emails/links'
import { renderEmail } from '../emails/render'
import { bossDb, QUEUE, type EmailJob } from './queue'

const sql = {
  startSend: `insert into newsletter_sends (issue) values ($1) on conflict (issue) do nothing`,
  // Serialises enqueueing: a second sender of the same issue waits, then finds the work queued.
  lockSend: `select issue from newsletter_sends where issue = $1 for update`,
  addDeliveries: `
    insert into newsletter_deliveries (issue, subscriber_id)
    select $1, id from subscribers where status = 'confirmed'
    on conflict (issue, subscriber_id) do nothing
    returning subscriber_id::text as subscriber`,
  // The one claim on a delivery. A delivery found 'sending' is taken over only once its claim is
  // older than the lease ($3 seconds): its sender died mid-message, and it is sent again (see
  // docs/newsletter.md on the one window SMTP leaves open). A fresher claim is a live sender's.
  claim: `
    update newsletter_deliveries d
    set state = 'sending', attempts = d.attempts + 1, updated_at = now()
    from subscribers s
    where d.issue = $1 and d.subscriber_id = $2::bigint and s.id = d.subscriber_id
      and s.status = 'confirmed'
      and (d.state in ('queued', 'deferred')
           or (d.state = 'sending' and d.updated_at < now() - make_interval(secs => $3)))
    returning s.email, s.unsubscribe_token as "unsubscribeToken"`,
  // Claimed nothing because another sender holds it now (its lease here ran out while it waited in
  // this sender's batch): it goes back to the queue, to find it sent or its sender gone.
  held: `
    select 1 as held from newsletter_deliveries
    where issue = $1 and subscriber_id = $2::bigint
      and state = 'sending' and updated_at >= now() - make_interval(secs => $3)`,
  // Claimed nothing otherwise: already done, or the reader left (or was erased) since it was queued.
  skip: `
    update newsletter_deliveries set state = 'skipped', updated_at = now()
    where issue = $1 and subscriber_id = $2::bigint and state in ('queued', 'sending', 'deferred')`,
  finish: `
    update newsletter_deliveries
    set state = $3, last_error = $4, updated_at = now(),
        sent_at = case when $3 = 'sent' then now() else sent_at end
    where issue = $1 and subscriber_id = $2::bigint`,
  progress: `
    select count(*) filter (where state = 'sent')::int as sent,
           count(*) filter (where state = 'bounced')::int as bounced,
           count(*) filter (where state = 'skipped')::int as skipped,
           count(*) filter (where state in ('queued', 'sending', 'deferred'))::int as waiting
    from newsletter_deliveries where issue = $1`,
} as const

export type Progress = { sent: number; bounced: number; skipped: number; waiting: number }

/**
 * Queues the issue for every confirmed reader who has not had it: one ledger row and one job
 * each, in one transaction, so that a kill leaves both or neither. Run again, it queues only
 * readers confirmed since. Gives how many were queued.
 */
export async function enqueueIssue(db: Database, boss: PgBoss, issue: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(sql.startSend, [issue])
    await tx.query(sql.lockSend, [issue])
    const added = await tx.query<{ subscriber: string }>(sql.addDeliveries, [issue])
    for (let i = 0; i < added.length; i += 1000) {
      const jobs = added.slice(i, i + 1000).map(({ subscriber }) => ({
        name: QUEUE,
        data: { issue, subscriber } satisfies EmailJob,
      }))
      await boss.insert(jobs, { db: bossDb(tx) } as Parameters<PgBoss['insert']>[1])
    }
    return added.length
  })
}

export async function progress(db: Database, issue: string): Promise<Progress> {
  const [row] = await db.query<Progress>(sql.progress, [issue])
  return row ?? { sent: 0, bounced: 0, skipped: 0, waiting: 0 }
}

export type SenderDeps = {
  db: Database
  /** The subscribers, on the same database: a 5xx marks a reader bounced there. */
  store: SubscriberStore
  boss: PgBoss
  mailer: Mailer
  /** Paces the sending: one taken per email (NEWSLETTER_SEND_RATE per second, shared on PostgreSQL). */
  limiter: RateLimiter
  /** The email of an issue, composed from its document. */
  compose: (issue: string) => NewIssue | undefined
  /** How long a claim holds a delivery: the queue's lease (NEWSLETTER_SEND_LEASE_SECONDS). */
  leaseSeconds?: number
  /** Jobs fetched at a time. */
  batchSize?: number
  /** Emails in flight at once (the bulk mailer keeps two connections open). */
  concurrency?: number
  /** How long to wait for work when the queue has none ready (retries, other senders' jobs). */
  idleMs?: number
  /** After a temporary failure, the pause before trying again, doubling to `maxPauseMs`. */
  pauseMs?: number
  maxPauseMs?: number
  log?: (line: string) => void
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Works the queue until every delivery of `issue` is final (sent, bounced or skipped), whoever
 * queued it and whichever sender claims it: several may run at once on PostgreSQL. Each job is
 * one email: claimed in the ledger, sent, recorded. A temporary failure (the mail server down,
 * a 4xx) puts the job back for a retry and pauses this sender; a 5xx marks the reader bounced.
 */
export async function sendIssue(issue: string, deps: SenderDeps): Promise<Progress> {
  const { db, boss, mailer, limiter } = deps
  const log = deps.log ?? (() => {})
  const batchSize = deps.batchSize ?? 50
  const leaseSeconds = deps.leaseSeconds ?? 120
  const basePause = deps.pauseMs ?? 5_000
  let pause = basePause
  const templates = new Map<string, Promise<Template>>()
  const template = (slug: string) => {
    let t = templates.get(slug)
    if (!t) templates.set(slug, (t = renderTemplate(slug, deps.compose)))
    return t
  }

  for (;;) {
    const jobs = ((await boss.fetch<EmailJob>(QUEUE, { batchSize })) ??
      []) as PgBoss.Job<EmailJob>[]
    if (jobs.length === 0) {
      const now = await progress(db, issue)
      if (now.waiting === 0) return now
      await sleep(deps.idleMs ?? 1_000)
      continue
    }
    // A few emails at a time, so that one's wait on the mail server overlaps another's work.
    const done: string[] = []
    const held: string[] = []
    let failure: string | undefined
    let next = 0
    const lane = async () => {
      while (failure === undefined && next < jobs.length) {
        const job = jobs[next++]!
        const outcome = await deliver(job.data)
        if (outcome === 'held') held.push(job.id)
        else if (outcome.ok) done.push(job.id)
        else failure ??= outcome.error
      }
    }
    await Promise.all(Array.from({ length: deps.concurrency ?? 4 }, lane))
    if (done.length) await boss.complete(QUEUE, done)
    for (const id of held) await boss.fail(QUEUE, id, { error: 'held by another sender' })
    if (failure === undefined) {
      pause = basePause
      continue
    }
    // The server is down or busy: the batch's unsent jobs wait for a retry, and this sender
    // rests before asking for more.
    const finished = new Set([...done, ...held])
    for (const job of jobs)
      if (!finished.has(job.id)) await boss.fail(QUEUE, job.id, { error: failure })
    log(`temporary failure (${failure}); pausing ${Math.round(pause / 1000)} s`)
    await sleep(pause)
    pause = Math.min(pause * 2, deps.maxPauseMs ?? 60_000)
  }

  async function deliver(
    job: EmailJob,
  ): Promise<{ ok: true } | { ok: false; error: string } | 'held'> {
    // Paced before the claim, so that a claim is always followed at once by its send.
    for (;;) {
      const allowance = await limiter.take('newsletter')
      if (allowance.ok) break
      await sleep(allowance.retryAfterMs)
    }
    const key = [job.issue, job.subscriber, leaseSeconds] as const
    const [reader] = await db.query<{ email: string; unsubscribeToken: string }>(sql.claim, key)
    if (!reader) {
      if ((await db.query(sql.held, key)).length > 0) return 'held'
      await db.query(sql.skip, [job.issue, job.subscriber])
      return { ok: true }
    }
    const email = await template(job.issue)
    try {
      await mailer.send({
        to: reader.email,
        subject: email.subject,
        html: email.html(reader.unsubscribeToken),
        text: email.text(reader.unsubscribeToken),
        unsubscribeUrl: oneClickUrl(reader.unsubscribeToken),
        // The same for every attempt: a receiving system that sees a resend knows it.
        messageId: `<${job.issue}.${job.subscriber}@newsletter.intertitle>`,
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (isPermanentFailure(error)) {
        await deps.store.markBounced(job.subscriber)
        await db.query(sql.finish, [job.issue, job.subscriber, 'bounced', message])
        log(`bounced: subscriber ${job.subscriber}: ${message}`)
        return { ok: true }
      }
      await db.query(sql.finish, [job.issue, job.subscriber, 'deferred', message])
      return { ok: false, error: message }
    }
    await db.query(sql.finish, [job.issue, job.subscriber, 'sent', null])
    return { ok: true }
  }
}

/** Stands in for each reader's unsubscribe token in the email rendered once per issue. */
const TOKEN = 'READER-UNSUBSCRIBE-TOKEN'

type Template = {
  subject: string
  html: (token: string) => EncodedBody
  text: (token: string) => EncodedBody
}

/**
 * Renders and encodes an issue's email once (React rendering costs tens of milliseconds), for every
 * reader: each gets it with their own unsubscribe token put in.
 */
async function renderTemplate(slug: string, compose: SenderDeps['compose']): Promise<Template> {
  const issue = compose(slug)
  if (!issue) throw new Error(`There is no issue "${slug}" in content/issues/.`)
  const { html, text } = await renderEmail(
    createElement(NewIssueEmail, { issue, unsubscribeToken: TOKEN }),
  )
  return {
    subject: newIssueSubject(issue),
    html: bodyTemplate('text/html', html, TOKEN),
    text: bodyTemplate('text/plain', text, TOKEN),
  }
}
