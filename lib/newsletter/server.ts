import { env } from '@/lib/env'
import { createRateLimiter, type RateLimiter } from './rate-limit'
import { openStore, type SubscriberStore } from './store'
import type { SignupDeps } from './subscribe'

type Shared = { store?: Promise<SubscriberStore>; limiter?: RateLimiter }

// On globalThis: Next may evaluate this module more than once in one server, and a second
// PGlite on the same folder would corrupt it.
const shared = ((globalThis as { __intertitleNewsletter?: Shared }).__intertitleNewsletter ??= {})

/** The site's store, opened (and migrated) on first use, then shared by every request. */
export function subscriberStore(): Promise<SubscriberStore> {
  shared.store ??= openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }).catch(
    (error: unknown) => {
      // Let the next signup try again (PostgreSQL may simply not be up yet).
      shared.store = undefined
      throw error
    },
  )
  return shared.store
}

export function signupDeps(): SignupDeps {
  shared.limiter ??= createRateLimiter({
    limit: env.NEWSLETTER_RATE_LIMIT,
    windowMs: env.NEWSLETTER_RATE_WINDOW_SECONDS * 1000,
  })
  return { store: subscriberStore, limiter: shared.limiter }
}
