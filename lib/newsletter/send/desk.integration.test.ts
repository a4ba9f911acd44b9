import { describe, expect, it } from 'vitest'
import type { Mailer } from '@/lib/mail'
import { createRateLimiter } from '@/lib/security/rate-limit'
import { bothDatabases } from '../../../scripts/testing/databases'
import { seedReaders } from '../../../scripts/testing/newsletter'
import { statusOf } from '../desk'
import { composeNewIssue } from '../new-issue'
import { createStore } from '../store'
import { openQueue } from './queue'
import { createIssueSender, pauseSend, progress, resumeSend, sendStates, startSend } from './sender'

/**
 * The desk's steps on a send, on both databases: Send, Pause between two emails, Resume, a second
 * Send, and the steps the state does not allow (each refused, nothing changed).
 */
for (const [name, open] of bothDatabases()) {
  describe(`a send from the desk on ${name}`, { timeout: 60_000 }, () => {
    it('starts once, pauses between emails, resumes where it stopped, and never mails anyone twice', async () => {
      const db = await open()
      await seedReaders(db, { confirmed: 12 })
      const boss = await openQueue(db, { leaseSeconds: 30, retrySeconds: 1 })
      const sent: string[] = []
      let onSend = () => {}
      const mailer: Mailer = {
        send: async (mail) => {
          sent.push(mail.to)
          onSend()
          return { messageId: 'id' }
        },
        close: () => {},
      }
      const round = createIssueSender({
        db,
        store: await createStore(db),
        boss,
        mailer,
        limiter: createRateLimiter({ limit: 1000, windowMs: 1000 }),
        compose: composeNewIssue,
        concurrency: 1,
      })
      try {
        // Nothing to pause or resume before it starts.
        expect(await pauseSend(db, 'june-2025', 'm@example.com')).toBe(false)
        expect(await resumeSend(db, boss, 'june-2025')).toBe(false)
        expect(await startSend(db, boss, 'june-2025', 'm@example.com')).toEqual({
          outcome: 'started',
          queued: 12,
        })
        // A second Send while it runs only reports it.
        expect((await startSend(db, boss, 'june-2025', 'x@example.com')).outcome).toBe('sending')
        // Paused after the fifth email, within the batch it was sending.
        onSend = () => {
          if (sent.length === 5) void pauseSend(db, 'june-2025', 'e@example.com')
        }
        await round()
        await new Promise((resolve) => setTimeout(resolve, 100))
        const paused = sent.length
        expect(paused).toBeGreaterThanOrEqual(5)
        expect(paused).toBeLessThan(12)
        expect(await round()).toEqual({ handled: 0 })
        const [state] = await sendStates(db)
        expect(state).toMatchObject({
          issue: 'june-2025',
          startedBy: 'm@example.com',
          pausedBy: 'e@example.com',
        })
        expect(statusOf(state)).toBe('paused')
        // A second Send of a paused send resumes it.
        onSend = () => {}
        expect((await startSend(db, boss, 'june-2025', 'm@example.com')).outcome).toBe('resumed')
        while ((await round()).handled > 0);
        expect(sent).toHaveLength(12)
        expect(new Set(sent).size).toBe(12)
        expect(await progress(db, 'june-2025')).toEqual({
          sent: 12,
          bounced: 0,
          skipped: 0,
          waiting: 0,
        })
        // Finished: nothing to pause, and Send reports it sent.
        expect(await pauseSend(db, 'june-2025', 'm@example.com')).toBe(false)
        expect((await startSend(db, boss, 'june-2025', 'm@example.com')).outcome).toBe(
          'already-sent',
        )
        expect(statusOf((await sendStates(db))[0])).toBe('sent')
        expect(sent).toHaveLength(12)
      } finally {
        await boss.stop({ graceful: false, close: false, wait: true })
      }
    })
  })
}
