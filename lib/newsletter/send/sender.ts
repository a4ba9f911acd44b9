import type PgBoss from 'pg-boss'
import { createElement } from 'react'
import type { Database, Queryable } from '@/lib/db'
import { utc } from '@/lib/db/sql'
import type { SubscriberStore } from '../store'
import { bodyTemplate, isPermanentFailure, type EncodedBody, type Mailer } from '@/lib/mail'
import type { RateLimiter } from '@/lib/security/rate-limit'
import { NewIssueEmail, newIssueSubject, type NewIssue } from '../emails/new-issue'
import { oneClickUrl } from '../emails/links'
import { renderEmail } from '../emails/render'
import { bossDb, QUEUE, type EmailJob } from './queue'

const sql = {
  startSend: `
    insert into newsletter_sends (issue, started_by) values ($1, $2) on conflict (issue) do nothing`,
  sendOf: `select paused_at is not null as paused from newsletter_sends where issue = $1`,
  paused: `select issue from newsletter_sends where paused_at is not null`,
  isPaused: `select 1 from newsletter_sends where issue = $1 and paused_at is not null`,
  pause: `
    update newsletter_sends set paused_at = now(), paused_by = $2
    where issue = $1 and paused_at is null
      and exists (select 1 from newsletter_deliveries
                  where issue = $1 and state in ('queued', 'sending', 'deferred'))
    returning issue`,
  resume: `
    update newsletter_sends set paused_at = null, paused_by = null
    where issue = $1 and paused_at is not null returning issue`,
  waiting: `
    select subscriber_id::text as subscriber from newsletter_deliveries
    where issue = $1 and state in ('queued', 'deferred')`,
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
  states: `
    select s.issue, ${utc('s.started_at', 'startedAt')}, s.started_by as "startedBy",
           ${utc('s.paused_at', 'pausedAt')}, s.paused_by as "pausedBy",
           ${utc('max(d.updated_at)', 'lastAt')},
           count(d.*) filter (where d.state = 'sent')::int as sent,
           count(d.*) filter (where d.state = 'bounced')::int as bounced,
           count(d.*) filter (where d.state = 'skipped')::int as skipped,
           count(d.*) filter (where d.state in ('queued', 'sending', 'deferred'))::int as waiting
    from newsletter_sends s left join newsletter_deliveries d on d.issue = s.issue
    group by s.issue order by s.started_at desc`,
} as const

export type Progress = { sent: number; bounced: number; skipped: number; waiting: number }

/**
 * Queues the issue for every confirmed reader who has not had it: one ledger row and one job
 * each, in one transaction, so that a kill leaves both or neither. Run again, it queues only
 * readers confirmed since. Gives how many were queued.
 */
export async function enqueueIssue(
  db: Database,
  boss: PgBoss,
  issue: string,
  startedBy?: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(sql.startSend, [issue, startedBy ?? null])
    await tx.query(sql.lockSend, [issue])
    const added = await tx.query<{ subscriber: string }>(sql.addDeliveries, [issue])
    await insertJobs(tx, boss, issue, added)
    return added.length
  })
}

/** One job per delivery, in the caller's transaction. */
async function insertJobs(
  tx: Queryable,
  boss: PgBoss,
  issue: string,
  rows: { subscriber: string }[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const jobs = rows.slice(i, i + 1000).map(({ subscriber }) => ({
      name: QUEUE,
      data: { issue, subscriber } satisfies EmailJob,
    }))
    await boss.insert(jobs, { db: bossDb(tx) } as Parameters<PgBoss['insert']>[1])
  }
}

export async function progress(db: Queryable, issue: string): Promise<Progress> {
  const [row] = await db.query<Progress>(sql.progress, [issue])
  return row ?? { sent: 0, bounced: 0, skipped: 0, waiting: 0 }
}

/** What "Send" did: started it, found it running or paused (and resumed it), or found it sent. */
export type StartOutcome =
  | { outcome: 'started'; queued: number }
  | { outcome: 'resumed' | 'sending'; progress: Progress }
  | { outcome: 'already-sent'; progress: Progress }

/**
 * Marketing's "Send": the one way a send begins, from the desk, the API or the command. A second
 * Send of an issue never mails anyone twice: it resumes a paused send, reports one running, or
 * reports the issue as sent (its later readers get the next issue, not this one).
 */
export async function startSend(
  db: Database,
  boss: PgBoss,
  issue: string,
  by: string,
): Promise<StartOutcome> {
  const [known] = await db.query<{ paused: boolean }>(sql.sendOf, [issue])
  if (!known) return { outcome: 'started', queued: await enqueueIssue(db, boss, issue, by) }
  const resumed = known.paused && (await resumeSend(db, boss, issue))
  const now = await progress(db, issue)
  if (resumed) return { outcome: 'resumed', progress: now }
  return { outcome: now.waiting > 0 ? 'sending' : 'already-sent', progress: now }
}

/** Stops a send between emails: the worker drops its jobs as it meets them; the ledger keeps its place. */
export async function pauseSend(db: Queryable, issue: string, by: string): Promise<boolean> {
  return (await db.query(sql.pause, [issue, by])).length > 0
}

/** Whether the send of `issue` is paused. */
export async function isPaused(db: Queryable, issue: string): Promise<boolean> {
  return (await db.query(sql.isPaused, [issue])).length > 0
}

/** Resumes a paused send: a job again for each delivery still waiting. False if it was not paused. */
export async function resumeSend(db: Database, boss: PgBoss, issue: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [resumed] = await tx.query(sql.resume, [issue])
    if (!resumed) return false
    await insertJobs(tx, boss, issue, await tx.query<{ subscriber: string }>(sql.waiting, [issue]))
    return true
  })
}

export type SendState = {
  issue: string
  startedAt: string
  startedBy: string | null
  pausedAt: string | null
  pausedBy: string | null
  /** When the last email of the send went (or was given up): its end, once nothing waits. */
  lastAt: string | null
} & Progress

/** Every send there has been, with its counts. */
export async function sendStates(db: Queryable): Promise<SendState[]> {
  return db.query<SendState>(sql.states)
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
  log?: (line: string) => void
}

export type Round = { handled: number; failure?: string }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One round of the queue's work, whichever issues its jobs are for: fetches a batch, sends each
 * email (claimed in the ledger, sent, recorded), and gives how many it handled. Jobs of a paused
 * send are dropped (its ledger rows stay queued; resuming makes them jobs again). A temporary
 * failure (the mail server down, a 4xx) puts the batch's unsent jobs back for a retry and ends the
 * round with it, for the caller to rest; a 5xx marks the reader bounced. Several senders may work
 * at once, in one process or many, on PostgreSQL.
 */
export function createIssueSender(deps: SenderDeps): () => Promise<Round> {
  const { db, boss, mailer, limiter } = deps
  const batchSize = deps.batchSize ?? 50
  const leaseSeconds = deps.leaseSeconds ?? 120
  const templates = new Map<string, Promise<Template>>()
  const template = (slug: string) => {
    let t = templates.get(slug)
    if (!t) templates.set(slug, (t = renderTemplate(slug, deps.compose)))
    return t
  }

  async function deliver(
    job: EmailJob,
  ): Promise<{ ok: true } | { ok: false; error: string } | 'held' | 'paused'> {
    // Paced before the claim, so that a claim is always followed at once by its send.
    for (;;) {
      const allowance = await limiter.take('newsletter')
      if (allowance.ok) break
      await sleep(allowance.retryAfterMs)
    }
    // Paused since the batch was fetched: Pause takes effect between two emails.
    if (await isPaused(db, job.issue)) return 'paused'
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
        deps.log?.(`bounced: subscriber ${job.subscriber}: ${message}`)
        return { ok: true }
      }
      await db.query(sql.finish, [job.issue, job.subscriber, 'deferred', message])
      return { ok: false, error: message }
    }
    await db.query(sql.finish, [job.issue, job.subscriber, 'sent', null])
    return { ok: true }
  }

  return async function round(): Promise<Round> {
    const fetched = ((await boss.fetch<EmailJob>(QUEUE, { batchSize })) ??
      []) as PgBoss.Job<EmailJob>[]
    if (fetched.length === 0) return { handled: 0 }
    const paused = new Set((await db.query<{ issue: string }>(sql.paused)).map((r) => r.issue))
    const dropped = fetched.filter((job) => paused.has(job.data.issue)).map((job) => job.id)
    const jobs = fetched.filter((job) => !paused.has(job.data.issue))
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
        else if (outcome === 'paused') dropped.push(job.id)
        else if (outcome.ok) done.push(job.id)
        else failure ??= outcome.error
      }
    }
    await Promise.all(Array.from({ length: deps.concurrency ?? 4 }, lane))
    // A paused send's jobs go; its ledger rows stay queued, and Resume makes them jobs again.
    if (dropped.length) await boss.deleteJob(QUEUE, dropped)
    if (done.length) await boss.complete(QUEUE, done)
    for (const id of held) await boss.fail(QUEUE, id, { error: 'held by another sender' })
    if (failure !== undefined) {
      // The server is down or busy: the batch's unsent jobs wait for a retry.
      const finished = new Set([...done, ...held, ...dropped])
      for (const job of jobs)
        if (!finished.has(job.id)) await boss.fail(QUEUE, job.id, { error: failure })
    }
    return { handled: fetched.length, failure }
  }
}

/**
 * Works the queue until every delivery of `issue` is final (sent, bounced or skipped) or its send
 * is paused: the command's way, when no site is running to do it. After a temporary failure it
 * rests, doubling the pause up to `maxPauseMs`.
 */
export async function sendIssue(
  issue: string,
  deps: SenderDeps & { idleMs?: number; pauseMs?: number; maxPauseMs?: number },
): Promise<Progress> {
  const round = createIssueSender(deps)
  const basePause = deps.pauseMs ?? 5_000
  let pause = basePause
  for (;;) {
    const { handled, failure } = await round()
    if (failure !== undefined) {
      deps.log?.(`temporary failure (${failure}); pausing ${Math.round(pause / 1000)} s`)
      await sleep(pause)
      pause = Math.min(pause * 2, deps.maxPauseMs ?? 60_000)
      continue
    }
    pause = basePause
    if (handled > 0) continue
    const now = await progress(deps.db, issue)
    if (now.waiting === 0 || (await isPaused(deps.db, issue))) return now
    await sleep(deps.idleMs ?? 1_000)
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
