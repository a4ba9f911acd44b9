import path from 'node:path'
import { createElement } from 'react'
import { after } from 'next/server'
import { createAnalytics, type Analytics } from '@/lib/analytics'
import { publicPages } from '@/lib/content/public-pages'
import { openDatabase, type Database } from '@/lib/db'
import { env as processEnv } from '@/lib/env'
import { createMailer, type Mailer } from '@/lib/mail'
import { renderEmail } from '@/lib/newsletter/emails/render'
import { createStore, type SubscriberStore } from '@/lib/newsletter/store'
import { siteRateLimiter, type RateLimiter } from '@/lib/security/rate-limit'
import { absoluteUrl } from '@/lib/site'
import { createStaffAuth, type StaffAuth } from '@/lib/staff/auth'
import { readRoster } from '@/lib/staff/roster'
import { SignInEmail, signInSubject } from '@/lib/staff/sign-in-email'

/**
 * THE ONE PLACE that wires the running site's services: its database, its mail, its subscriber
 * store, its rate limiters and staff sign-in, each made on first use and then shared by every
 * request and feature of the process. Everything else takes them from here (`services()`) or, in
 * tests, is handed its own: the domain modules take what they need as arguments (`createStore(db)`,
 * `createStaffAuth({...})`, `requestSignIn(input, deps)`), so a test builds exactly the parts it
 * uses. Not here: the page caches (lib/page-cache/), which Next loads by path outside the app, and
 * the new-issue queue, which `npm run newsletter:send` starts in its own process.
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
  /**
   * Page views (lib/analytics/): salts, the per-visitor limit and the batch that stores them,
   * with ended days rolled up and old raw events deleted at start and then hourly.
   */
  analytics(): Promise<Analytics>
}

type Env = typeof processEnv

/** Where the emailed link leads: the sign-in page, holding the token for its Sign in button. */
export const signInPageUrl = (token: string) =>
  absoluteUrl(`/staff/sign-in?${new URLSearchParams({ token })}`)

/** A function that makes its value once, on first call; a failed promise is made again next time. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => {
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
}

/** The services of a site configured by `env`, each made on first use. */
export function createServices(env: Env): SiteServices {
  const database = once(() =>
    openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }),
  )
  const mailer = once(() =>
    createMailer({
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      outboxDir: path.resolve(/* turbopackIgnore: true */ env.DATA_DIR, 'outbox'),
    }),
  )
  const subscriberStore = once(() => database().then(createStore).then(purgeNowAndDaily))
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
  const staffAuth = once(() => {
    const secret = env.PREVIEW_SECRET
    if (!secret) return undefined
    return createStaffAuth({
      database,
      secret,
      siteUrl: env.SITE_URL,
      roster: () => readRoster(),
      // After the answer is sent, so that it takes as long for staff as for anyone else.
      sendLink: (to, url) =>
        after(async () => {
          const token = new URL(url).searchParams.get('token') ?? ''
          const href = signInPageUrl(token)
          await mailer().send({
            to,
            subject: signInSubject,
            ...(await renderEmail(createElement(SignInEmail, { href }))),
          })
        }),
    })
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
  return { database, mailer, subscriberStore, signupLimiter, signInLimiter, staffAuth, analytics }
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
 * Addresses never confirmed are removed 30 days after signing up: when the site first opens its
 * database, then once a day while it runs.
 */
async function purgeNowAndDaily(store: SubscriberStore): Promise<SubscriberStore> {
  const purge = () =>
    store.purgeUnconfirmed().catch((error: unknown) => {
      console.error('newsletter: could not remove unconfirmed addresses', error)
      return 0
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
