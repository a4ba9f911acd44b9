import type PgBoss from 'pg-boss'
import { createAnalytics, type Analytics } from '@/lib/analytics'
import { publicPages } from '@/lib/content/public-pages'
import { openDatabase, type Database } from '@/lib/db'
import { env as processEnv } from '@/lib/env'
import { createMailer, mailConfig, type Mailer } from '@/lib/mail'
import { oweEmail, purgeOwedEmails, sendOwedEmails } from '@/lib/mail/owed'
import { composeNewIssue } from '@/lib/newsletter/new-issue'
import { openQueue, sendBatchSize, sendLimiter } from '@/lib/newsletter/send/queue'
import { createIssueSender } from '@/lib/newsletter/send/sender'
import { createStore, type SubscriberStore } from '@/lib/newsletter/store'
import { siteRateLimiter, type RateLimiter } from '@/lib/security/rate-limit'
import { createStaffAuth, type StaffAuth } from '@/lib/staff/auth'
import { readRoster } from '@/lib/staff/roster'
import { SIGN_IN_LINK_MINUTES } from '@/lib/staff/sign-in'
import { composeOwed } from './emails'
import { startWorker, type Worker } from './worker'

/**
 * THE ONE PLACE that wires the running site's services: its database, its mail, its subscriber
 * store, its rate limiters and staff sign-in, each made on first use and then shared by every
 * request and feature of the process. Everything else takes them from here (`services()`) or, in
 * tests, is handed its own: the domain modules take what they need as arguments (`createStore(db)`,
 * `createStaffAuth({...})`, `requestSignIn(input, deps)`), so a test builds exactly the parts it
 * uses. Not here: the page caches (lib/page-cache/), which Next loads by path outside the app.
 */
export type SiteServices = {
  /** The site's database (PGlite in DATA_DIR, or DATABASE_URL's PostgreSQL), opened and migrated. */
  database(): Promise<Database>
  /** SMTP_URL's server, or `DATA_DIR/outbox/` on the embedded default. */
  mailer(): Mailer
  /** Newsletter signups, with unconfirmed addresses removed at start and then daily. */
  subscriberStore(): Promise<SubscriberStore>
  /** Signups per client address (NEWSLETTER_RATE_LIMIT per NEWSLETTER_RATE_WINDOW_SECONDS). */
  signupLimiter(): RateLimiter
  /** Sign-in links asked for, per client address and per address: 5 in 10 minutes. */
  signInLimiter(): RateLimiter
  /** Staff sign-in; undefined when PREVIEW_SECRET is unset (staff pages are off). */
  staffAuth(): StaffAuth | undefined
  /** The job queue (pg-boss) on the site's database: the new issue's emails, one job per reader. */
  queue(): Promise<PgBoss>
  /**
   * The worker that sends every email the site owes (lib/services/worker.ts), started with the
   * server (instrumentation.ts): on PostgreSQL every instance runs one and they share the work.
   */
  worker(): Promise<Worker>
  /** An email was just owed or a send started: the worker looks now. */
  emailOwed(): void
  /**
   * Page views (lib/analytics/): salts, the per-visitor limit and the batch that stores them,
   * with ended days rolled up and old raw events deleted at start and then hourly.
   */
  analytics(): Promise<Analytics>
  /**
   * A clean stop (server.mjs, on SIGTERM): the analytics batch stored, the worker's email in hand
   * finished, the queue and the database closed: only what was started.
   */
  stop(): Promise<void>
}

type Env = typeof processEnv

/**
 * A function that makes its value once, on first call; a failed promise is made again next time.
 * `made()` gives the value if it was made (a stop closes only what was started).
 */
function once<T>(make: () => T): (() => T) & { made(): T | undefined } {
  let made: { value: T } | undefined
  const get = () => {
    if (made) return made.value
    const value = make()
    made = { value }
    if (value instanceof Promise)
      value.catch(() => {
        // Let the next call try again (PostgreSQL may simply not be up yet).
        if (made?.value === value) made = undefined
      })
    return value
  }
  return Object.assign(get, { made: () => made?.value })
}

/** The services of a site configured by `env`, each made on first use. */
export function createServices(env: Env): SiteServices {
  const database = once(() =>
    openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }),
  )
  const mailer = once(() => createMailer(mailConfig(env)))
  const subscriberStore = once(async () => {
    const db = await database()
    return purgeNowAndDaily(await createStore(db), db)
  })
  const signupLimiter = once(() =>
    siteRateLimiter({
      name: 'signup',
      databaseUrl: env.DATABASE_URL,
      limit: env.NEWSLETTER_RATE_LIMIT,
      windowMs: env.NEWSLETTER_RATE_WINDOW_SECONDS * 1000,
    }),
  )
  const signInLimiter = once(() =>
    siteRateLimiter({
      name: 'staff-sign-in',
      databaseUrl: env.DATABASE_URL,
      limit: 5,
      windowMs: 10 * 60_000,
    }),
  )
  let running: Worker | undefined
  // The worker starts with the server; if the database was not up then, the first email owed starts it.
  const emailOwed = () => {
    if (running) running.wake()
    else void worker().catch((error: unknown) => console.error('worker: not started', error))
  }
  const staffAuth = once(() => {
    const secret = env.PREVIEW_SECRET
    if (!secret) return undefined
    return createStaffAuth({
      database,
      secret,
      siteUrl: env.SITE_URL,
      roster: () => readRoster(),
      // Owed before the answer is sent (Better Auth waits for this), then sent by the worker.
      sendLink: async (to, url) => {
        await oweEmail(await database(), {
          kind: 'sign-in',
          to,
          cause: 'sign-in request',
          payload: { token: new URL(url).searchParams.get('token') ?? '' },
          expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
        })
        emailOwed()
      },
    })
  })
  const queue = once(async () =>
    openQueue(await database(), {
      leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
      retrySeconds: env.NEWSLETTER_SEND_RETRY_SECONDS,
    }),
  )
  // The worker's send rate, shared with other instances through PostgreSQL.
  const sendRate = once(() => sendLimiter(env))
  const worker = once(async () => {
    const [db, boss, store] = await Promise.all([database(), queue(), subscriberStore()])
    const log = (line: string) => console.error(line)
    // One pool of connections for the worker's mail, kept open between messages.
    const bulkMailer = createMailer({ ...mailConfig(env), bulk: true })
    const sendIssueEmails = createIssueSender({
      db,
      store,
      boss,
      mailer: bulkMailer,
      limiter: sendRate(),
      compose: (slug) => composeNewIssue(slug),
      leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
      batchSize: sendBatchSize(env),
      log,
    })
    running = startWorker(
      [
        {
          name: 'owed emails',
          round: () =>
            sendOwedEmails({
              db,
              mailer: bulkMailer,
              compose: composeOwed,
              // A confirmation refused for good: the address is never mailed again until it signs
              // up and confirms anew, as after a bounced issue.
              bounced: async (kind, recipient) => {
                if (kind === 'confirmation') await store.markAddressBounced(recipient)
              },
              leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
              log,
            }),
        },
        { name: 'new-issue emails', round: sendIssueEmails },
      ],
      {
        // On PostgreSQL other instances owe emails and start sends: look every 2 seconds. The
        // embedded database is this process's alone, which wakes the worker itself; a slow poll
        // (for retries) leaves an idle server idle, so V8 can give memory back (docs/benchmarks.md).
        idleMs: env.DATABASE_URL ? 2_000 : 30_000,
        pauseMs: env.NEWSLETTER_SEND_RETRY_SECONDS * 1000,
        log,
      },
    )
    return running
  })
  const analytics = once(() =>
    database().then((db) =>
      maintainNowAndHourly(
        createAnalytics({
          db,
          publicPaths: () => publicPaths(),
          retentionDays: env.ANALYTICS_RETENTION_DAYS,
          viewsPerMinute: env.ANALYTICS_VIEWS_PER_MINUTE,
          trustedProxies: env.TRUSTED_PROXIES,
        }),
      ),
    ),
  )
  return {
    database,
    mailer,
    subscriberStore,
    signupLimiter,
    signInLimiter,
    staffAuth,
    queue,
    worker,
    emailOwed,
    analytics,
    stop: () =>
      stopServices({
        analytics: analytics.made(),
        worker: worker.made(),
        queue: queue.made(),
        limiters: [signupLimiter.made(), signInLimiter.made(), sendRate.made()],
        database: database.made(),
      }),
  }
}

/**
 * In order: views still in the batch are stored, the worker finishes the email in hand and
 * stops, then what holds the database lets go of it, and it is closed. Parts never made (or that
 * failed to start) are skipped; a part that fails to stop does not keep the next from stopping.
 */
async function stopServices(made: {
  analytics?: Promise<Analytics>
  worker?: Promise<Worker>
  queue?: Promise<PgBoss>
  limiters: ({ close(): Promise<void> } | undefined)[]
  database?: Promise<Database>
}): Promise<void> {
  const errors: unknown[] = []
  const stop = async <T>(part: Promise<T> | T | undefined, end: (value: T) => Promise<unknown>) => {
    const value = await Promise.resolve(part).catch(() => undefined)
    if (value !== undefined) await end(value).catch((error: unknown) => errors.push(error))
  }
  await stop(made.analytics, (analytics) => analytics.batcher.flush())
  await stop(made.worker, (worker) => worker.stop())
  await stop(made.queue, (boss) => boss.stop({ graceful: false, close: false, wait: true }))
  for (const limiter of made.limiters) await stop(limiter, (l) => l.close())
  await stop(made.database, (db) => db.close())
  if (errors.length > 0) throw new AggregateError(errors, 'services: not all stopped cleanly')
}

/** Every page a beacon may name: the sitemap's list, and search. */
const publicPaths = () => [...publicPages().map((p) => p.path), '/search']

/** Ended days are rolled up (and raw events past retention deleted) at start, then hourly. */
async function maintainNowAndHourly(analytics: Analytics): Promise<Analytics> {
  const maintain = () =>
    analytics.maintain().catch((error: unknown) => {
      console.error('analytics: could not roll up page views', error)
    })
  await maintain()
  setInterval(() => void maintain(), 3_600_000).unref()
  return analytics
}

/**
 * Addresses never confirmed are removed 30 days after signing up, and the record of owed emails
 * sent 30 days ago: when the site first opens its database, then once a day while it runs.
 */
async function purgeNowAndDaily(store: SubscriberStore, db: Database): Promise<SubscriberStore> {
  const purge = () =>
    Promise.all([store.purgeUnconfirmed(), purgeOwedEmails(db)]).catch((error: unknown) => {
      console.error('newsletter: could not remove unconfirmed addresses or old owed emails', error)
    })
  await purge()
  setInterval(() => void purge(), 86_400_000).unref()
  return store
}

// The process's one set, on globalThis: Next may evaluate this module more than once in one
// server (its route bundles, proxy.ts, instrumentation.ts), and a second PGlite on the same folder
// would corrupt it.
const shared = globalThis as { __intertitleServices?: SiteServices }

/** The running site's services: one set per process, configured from the environment. */
export function services(): SiteServices {
  shared.__intertitleServices ??= createServices(processEnv)
  return shared.__intertitleServices
}
