import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bothDatabases } from '../../scripts/testing/databases'
import { startTestSmtp, type TestSmtp } from '../../scripts/testing/smtp'
import { createMailer } from '.'
import { oweEmail, owedCounts, purgeOwedEmails, sendOwedEmails, type OwedKind } from './owed'

/**
 * The owed emails' sender against a real SMTP server on loopback, on PGlite and PostgreSQL: each
 * email once, a 5xx bounced, an outage waited out, an expired link never sent, two senders at once
 * sending nothing twice, and a dead sender's claim taken over after its lease.
 */
let smtp: TestSmtp
/** Addresses the server refuses for good (550) or for now (451). */
const refused = new Map<string, number>()
beforeAll(async () => {
  smtp = await startTestSmtp({ recipient: (address) => refused.get(address) })
})
afterAll(async () => smtp.stop())

const compose = async (kind: OwedKind, payload: Record<string, string>) => ({
  subject: `${kind} ${payload.n}`,
  html: `<p>${payload.n}</p>`,
  text: payload.n ?? '',
})
const received = (prefix: string) =>
  smtp.messages.filter((m) => m.recipients.some((r) => r.startsWith(prefix)))

for (const [name, open] of bothDatabases()) {
  describe(`owed emails on ${name}`, { timeout: 60_000 }, () => {
    it('sends each owed email once, with a stable Message-ID, and keeps no payload once sent', async () => {
      const db = await open()
      const mailer = createMailer({ smtpUrl: smtp.url, from: 'site@example.com', outboxDir: '' })
      const p = `once-${name}-`.toLowerCase()
      for (let n = 0; n < 3; n++)
        await oweEmail(db, {
          kind: 'confirmation',
          to: `${p}${n}@example.com`,
          cause: `signup of subscriber ${n}`,
          payload: { n: String(n) },
        })
      expect(await sendOwedEmails({ db, mailer, compose, batchSize: 2 })).toEqual({ handled: 2 })
      expect(await sendOwedEmails({ db, mailer, compose })).toEqual({ handled: 1 })
      expect(await sendOwedEmails({ db, mailer, compose })).toEqual({ handled: 0 })
      const mine = received(p)
      expect(
        mine
          .map((m) => m.recipients)
          .flat()
          .sort(),
      ).toEqual([`${p}0@example.com`, `${p}1@example.com`, `${p}2@example.com`])
      expect(new Set(mine.map((m) => m.headers.get('message-id'))).size).toBe(3)
      expect(await db.query(`select 1 from owed_emails where payload is not null`)).toEqual([])
      expect(await owedCounts(db)).toMatchObject({ sent: 3, queued: 0 })
      mailer.close()
    })

    it('bounces on a 5xx, waits out a 4xx and a server that is down, and never sends an expired link', async () => {
      const db = await open()
      await db.exec('truncate owed_emails')
      const mailer = createMailer({ smtpUrl: smtp.url, from: 'site@example.com', outboxDir: '' })
      const p = `fail-${name}-`.toLowerCase()
      refused.set(`${p}gone@example.com`, 550)
      refused.set(`${p}busy@example.com`, 451)
      const owe = (who: string, expiresAt?: Date) =>
        oweEmail(db, {
          kind: 'sign-in',
          to: `${p}${who}@example.com`,
          cause: 'test',
          payload: { n: who },
          expiresAt,
        })
      await owe('gone')
      await owe('late', new Date(Date.now() - 1000))
      await owe('busy')
      await owe('after')
      // gone bounces, late expires, busy is deferred and ends the round; after is put back unsent.
      const bounced: string[] = []
      const round = await sendOwedEmails({
        db,
        mailer,
        compose,
        bounced: async (kind, to) => void bounced.push(`${kind} ${to}`),
      })
      expect(bounced).toEqual([`sign-in ${p}gone@example.com`])
      expect(round.handled).toBe(2)
      expect(round.failure).toMatch(/451/)
      expect(await owedCounts(db)).toMatchObject({ bounced: 1, expired: 1, deferred: 1, queued: 1 })
      // The server goes away: 'after' waits, deferred, its attempt counted.
      await smtp.stop()
      expect((await sendOwedEmails({ db, mailer, compose })).failure).toBeTruthy()
      await smtp.start()
      expect(await owedCounts(db)).toMatchObject({ deferred: 2, sent: 0 })
      // Due again (the test's clock: their wait is over), and the server takes both now.
      refused.delete(`${p}busy@example.com`)
      await db.query(`update owed_emails set due_at = now() where state = 'deferred'`)
      expect(await sendOwedEmails({ db, mailer, compose })).toEqual({ handled: 2 })
      expect(
        received(p)
          .flatMap((m) => m.recipients)
          .sort(),
      ).toEqual([`${p}after@example.com`, `${p}busy@example.com`])
      mailer.close()
    })

    it('two senders at once send nothing twice; a dead sender’s claim is taken over after its lease', async () => {
      const db = await open()
      await db.exec('truncate owed_emails')
      const mailer = createMailer({ smtpUrl: smtp.url, from: 'site@example.com', outboxDir: '' })
      const p = `pair-${name}-`.toLowerCase()
      for (let n = 0; n < 30; n++)
        await oweEmail(db, {
          kind: 'confirmation',
          to: `${p}${n}@example.com`,
          cause: 'test',
          payload: { n: String(n) },
        })
      const work = async () => {
        let total = 0
        for (;;) {
          const { handled } = await sendOwedEmails({ db, mailer, compose, batchSize: 4 })
          if (handled === 0) return total
          total += handled
        }
      }
      const [a, b] = await Promise.all([work(), work()])
      expect(a + b).toBe(30)
      const recipients = received(p).flatMap((m) => m.recipients)
      expect(recipients).toHaveLength(30)
      expect(new Set(recipients).size).toBe(30)

      // A sender claimed one and died before its send: within the lease nobody touches it...
      await oweEmail(db, {
        kind: 'confirmation',
        to: `${p}orphan@example.com`,
        cause: 'test',
        payload: { n: 'o' },
      })
      await db.query(
        `update owed_emails set state = 'sending', updated_at = now() where recipient like $1`,
        [`${p}orphan%`],
      )
      expect(await sendOwedEmails({ db, mailer, compose, leaseSeconds: 60 })).toEqual({
        handled: 0,
      })
      // ...and once the lease is past, it is sent.
      await db.query(
        `update owed_emails set updated_at = now() - interval '2 minutes' where recipient like $1`,
        [`${p}orphan%`],
      )
      expect(await sendOwedEmails({ db, mailer, compose, leaseSeconds: 60 })).toEqual({
        handled: 1,
      })
      expect(received(`${p}orphan`)).toHaveLength(1)

      // Finished 30 days ago: forgotten.
      await db.query(
        `update owed_emails set updated_at = now() - interval '31 days' where recipient like $1`,
        [`${p}1%`],
      )
      expect(await purgeOwedEmails(db)).toBe(11)
      mailer.close()
    })
  })
}
