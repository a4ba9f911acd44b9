import PgBoss from 'pg-boss'
import type { Database, Queryable } from '@/lib/db'
import { siteRateLimiter } from '@/lib/security/rate-limit'

/** The queue of newsletter emails: one job per (issue, reader). */
export const QUEUE = 'newsletter-email'

export type EmailJob = { issue: string; subscriber: string }

export type QueueOptions = {
  /**
   * How long one job may stay active before the queue hands it to another sender (its sender
   * was killed, or hangs). Longer than a send can take: the mailer gives up well before.
   */
  leaseSeconds?: number
  /** How long a job waits after a temporary failure before it is tried again. */
  retrySeconds?: number
}

/** pg-boss's one door to the database: our connection, so its jobs can join our transactions. */
export function bossDb(q: Queryable) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      // pg-boss sends scripts of several statements (its schema) without values.
      const rows = values?.length
        ? await q.query(text, values as Parameters<Queryable['query']>[1])
        : await q.exec(text)
      return { rows }
    },
  }
}

/**
 * pg-boss on the site's database, PGlite or PostgreSQL alike: its tables live in their own
 * schema (`pgboss`), made and migrated by pg-boss on first start. Jobs retry without limit at a
 * steady interval: an email waits out a mail server's outage however long it lasts, and the
 * ledger (newsletter_deliveries) makes sure no retry sends it twice.
 */
export async function openQueue(
  db: Database,
  { leaseSeconds = 120, retrySeconds = 30 }: QueueOptions = {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDb(db),
    schema: 'pgboss',
    // Expired jobs (a killed sender's) are put back by this maintenance, so it runs often.
    supervise: true,
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(leaseSeconds / 2))),
    monitorStateIntervalSeconds: 60,
    schedule: false,
  })
  boss.on('error', (error) => console.error('newsletter queue:', error))
  await boss.start()
  await boss.createQueue(QUEUE, {
    name: QUEUE,
    retryLimit: 1_000_000,
    retryDelay: retrySeconds,
    retryBackoff: false,
    expireInSeconds: leaseSeconds,
    retentionDays: 30,
  })
  return boss
}

/**
 * Jobs a sender fetches at a time: a batch must be sent well within its lease, or the queue would
 * hand its last jobs to another sender while they wait there for their turn at a slow pace.
 */
export const sendBatchSize = (env: {
  NEWSLETTER_SEND_RATE: number
  NEWSLETTER_SEND_LEASE_SECONDS: number
}) =>
  Math.max(
    1,
    Math.min(50, Math.floor((env.NEWSLETTER_SEND_RATE * env.NEWSLETTER_SEND_LEASE_SECONDS) / 2)),
  )

/** Paces sending: NEWSLETTER_SEND_RATE emails a second, counted across instances on PostgreSQL. */
export function sendLimiter(env: { NEWSLETTER_SEND_RATE: number; DATABASE_URL?: string }) {
  // In whole emails: 0.5 a second is one every two seconds.
  const perWindow = Math.max(1, Math.round(env.NEWSLETTER_SEND_RATE))
  return siteRateLimiter({
    name: 'newsletter-send',
    databaseUrl: env.DATABASE_URL,
    limit: perWindow,
    windowMs: Math.round((1000 * perWindow) / env.NEWSLETTER_SEND_RATE),
  })
}
