import { siteDatabase } from '@/lib/db/site-database'
import { env } from '@/lib/env'
import { siteRateLimiter, type RateLimiter } from '@/lib/security/rate-limit'
import { after } from 'next/server'
import { siteMailer } from '@/lib/mail/site-mailer'
import { sendConfirmation } from './confirmation'
import { createStore, type SubscriberStore } from './store'
import type { SignupDeps } from './subscribe'

type Shared = { store?: Promise<SubscriberStore>; limiter?: RateLimiter }

// On globalThis: Next may evaluate this module more than once in one server.
const shared = ((globalThis as { __intertitleNewsletter?: Shared }).__intertitleNewsletter ??= {})

/** The running site's subscriber store, on the site's shared database. */
export function subscriberStore(): Promise<SubscriberStore> {
  shared.store ??= siteDatabase()
    .then(createStore)
    .then(purgeNowAndDaily)
    .catch((error: unknown) => {
      shared.store = undefined
      throw error
    })
  return shared.store
}

export function signupDeps(): SignupDeps {
  shared.limiter ??= siteRateLimiter({
    name: 'signup',
    databaseUrl: env.DATABASE_URL,
    limit: env.NEWSLETTER_RATE_LIMIT,
    windowMs: env.NEWSLETTER_RATE_WINDOW_SECONDS * 1000,
  })
  return {
    store: subscriberStore,
    limiter: shared.limiter,
    sendConfirmation: (email, tokens) => sendConfirmation(siteMailer(), email, tokens),
    defer: (work) => after(work),
  }
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
