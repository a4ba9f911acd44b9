import type { Database } from '@/lib/db'
import { createBatcher, type Batcher } from './batcher'
import { createPageResolver } from './pages'
import { insertViews, purgeEvents, rollUp, type StoredView } from './store'
import { createSalts, createViewLimiter } from './visitor'
import type { Collector } from './collect'

export type Analytics = Collector & {
  batcher: Batcher<StoredView>
  /** Rolls up the days that have ended and deletes raw events past their retention. */
  maintain(now?: Date): Promise<void>
}

export type AnalyticsOptions = {
  db: Database
  publicPaths: () => Iterable<string>
  retentionDays: number
  viewsPerMinute: number
  trustedProxies: number
  flushIntervalMs?: number
}

/** The counting side of the analytics for one process: salts, the per-visitor limit, the batch. */
export function createAnalytics(options: AnalyticsOptions): Analytics {
  const { db } = options
  return {
    resolvePage: createPageResolver(options.publicPaths),
    salts: createSalts(db),
    limiter: createViewLimiter(options.viewsPerMinute),
    batcher: createBatcher<StoredView>({
      write: (views) => insertViews(db, views),
      intervalMs: options.flushIntervalMs ?? 1000,
    }),
    trustedProxies: options.trustedProxies,
    async maintain(now = new Date()) {
      await rollUp(db, now)
      await purgeEvents(db, now, options.retentionDays)
    },
  }
}
