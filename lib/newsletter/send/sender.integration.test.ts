import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '@/lib/db/database'
import { migrate } from '@/lib/db/migrations'
import { openPglite } from '@/lib/db/pglite'
import type { Mailer } from '@/lib/mail'
import { createRateLimiter } from '@/lib/security/rate-limit'
import { composeNewIssue } from '../new-issue'
import { createStore } from '../store'
import { openQueue } from './queue'
import { enqueueIssue, sendIssue } from './sender'

const opened: Database[] = []
afterAll(async () => Promise.all(opened.map((db) => db.close())))

describe('the sender', { timeout: 60_000 }, () => {
  it('leaves a delivery another sender claimed within the lease, and takes it over once the lease is past', async () => {
    const db = await openPglite()
    opened.push(db)
    await migrate(db)
    const store = await createStore(db)
    await store.signUp({
      email: 'reader@example.com',
      consentedAt: new Date(),
      consentText: 'Yes',
      utm: {},
    })
    await db.query(`update subscribers set status = 'confirmed'`)
    const leaseSeconds = 2
    const boss = await openQueue(db, { leaseSeconds, retrySeconds: 1 })
    try {
      await enqueueIssue(db, boss, 'july-2025')
      // Another sender, alive and slow, claimed the email a moment ago (its job had come back to
      // the queue while it waited in that sender's batch).
      await db.query(`update newsletter_deliveries set state = 'sending', updated_at = now()`)
      const claimed = Date.now()
      const sent: number[] = []
      const mailer: Mailer = {
        send: async () => {
          sent.push(Date.now())
          return { messageId: 'id' }
        },
        close: () => {},
      }
      const done = await sendIssue('july-2025', {
        db,
        store,
        boss,
        mailer,
        limiter: createRateLimiter({ limit: 1000, windowMs: 1000 }),
        compose: composeNewIssue,
        leaseSeconds,
        idleMs: 100,
        pauseMs: 100,
      })
      // Sent once, and not before the other sender's claim was a lease old (it had died).
      expect(sent).toHaveLength(1)
      expect(sent[0]! - claimed).toBeGreaterThanOrEqual(leaseSeconds * 1000 - 50)
      expect(done).toEqual({ sent: 1, bounced: 0, skipped: 0, waiting: 0 })
    } finally {
      await boss.stop({ graceful: false, close: false, wait: true })
    }
  })
})
