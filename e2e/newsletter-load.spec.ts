import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './support/test'
import { openStore, type Subscriber, type SubscriberStore } from '../lib/newsletter/store'
import { startPostgres } from '../scripts/testing/postgres'
import { signUp, signupForm, startServer } from './support/servers'

/**
 * The signup path under load and under a crash, against the built site on each database:
 * each case starts its own `next start` (PGlite in a fresh folder, or a throwaway
 * PostgreSQL) and posts the form the way a browser without JavaScript does.
 */
type Backend = 'pglite' | 'postgres'
type Database = {
  env: Record<string, string>
  open(): Promise<SubscriberStore>
  drop(): Promise<void>
}

async function database(backend: Backend): Promise<Database> {
  if (backend === 'postgres') {
    const pg = await startPostgres()
    return {
      env: { DATABASE_URL: pg.url },
      open: () => openStore({ databaseUrl: pg.url, dataDir: '' }),
      drop: pg.stop,
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'intertitle-load-'))
  return {
    env: { DATA_DIR: dir },
    open: () => openStore({ dataDir: dir }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function subscribers(store: SubscriberStore): Promise<Subscriber[]> {
  const all: Subscriber[] = []
  for await (const s of store.list()) all.push(s)
  return all
}

async function rows(store: SubscriberStore): Promise<string[]> {
  return (await subscribers(store)).map((s) => s.email)
}

test.describe.configure({ mode: 'serial' })

for (const backend of ['pglite', 'postgres'] as const) {
  test.describe(backend, () => {
    let db: Database
    test.beforeAll(async () => {
      db = await database(backend)
    })
    test.afterAll(async () => {
      await db?.drop()
    })

    test('1,000 concurrent signups, 200 of them repeats: 800 rows, no 5xx, a thank-you for every one', async () => {
      test.setTimeout(180_000)
      const server = await startServer(db.env)
      try {
        const hidden = await signupForm(server.base)
        const fresh = Array.from({ length: 800 }, (_, i) => `load-${backend}-${i}@example.com`)
        // Repeats as a reader would type them: the same address, the domain's case aside.
        const repeats = fresh.slice(0, 200).map((e) => e.replace('@example.com', '@Example.COM'))
        const answers = await Promise.all(
          [...fresh, ...repeats].map((email) => signUp(server.base, hidden, email)),
        )
        expect(answers.filter((a) => a.status >= 500).map((a) => a.status)).toEqual([])
        expect(answers.filter((a) => !a.thanked).map((a) => a.status)).toEqual([])
      } finally {
        await server.stop()
      }
      const store = await db.open()
      try {
        const stored = await subscribers(store)
        expect(stored.length).toBe(800)
        expect(new Set(stored.map((s) => s.email.toLowerCase())).size).toBe(800)
        // Each kept its first consent, where it signed up, and the campaign of the visit (the
        // Referer's utm_* parameters, all a form without JavaScript has to go on).
        expect(
          stored.filter((s) => !s.email.startsWith('load-') || s.email.endsWith('@Example.COM')),
        ).toEqual([])
        expect(
          new Set(
            stored.map(
              (s) =>
                `${s.sourcePath} ${s.utmSource} ${s.utmMedium} ${s.utmCampaign} ${s.consentText.length > 20}`,
            ),
          ),
        ).toEqual(new Set(['/newsletter load-test email burst true']))
      } finally {
        await store.close()
      }
    })

    test('killing the server mid-burst loses no acknowledged signup and corrupts nothing', async () => {
      test.setTimeout(180_000)
      const before = await (async () => {
        const store = await db.open()
        try {
          return await store.count()
        } finally {
          await store.close()
        }
      })()
      const server = await startServer(db.env)
      const hidden = await signupForm(server.base)
      const acknowledged: string[] = []
      let killed = false
      const burst = Array.from({ length: 300 }, (_, i) => `crash-${backend}-${i}@example.com`).map(
        async (email) => {
          const answer = await signUp(server.base, hidden, email).catch(() => null)
          if (answer?.thanked) acknowledged.push(email)
          // Pull the plug once a good share has been answered, with the rest still in flight.
          if (acknowledged.length >= 75 && !killed) {
            killed = true
            await server.stop('SIGKILL')
          }
        },
      )
      await Promise.all(burst)
      expect(killed).toBe(true)
      expect(acknowledged.length).toBeGreaterThanOrEqual(75)

      // Back up on the same data: it opens, still answers, and has everything it acknowledged.
      const again = await startServer(db.env)
      try {
        expect(
          (
            await signUp(
              again.base,
              await signupForm(again.base),
              `after-crash-${backend}@example.com`,
            )
          ).thanked,
        ).toBe(true)
      } finally {
        await again.stop()
      }
      const store = await db.open()
      try {
        const emails = new Set(await rows(store))
        expect(acknowledged.filter((e) => !emails.has(e))).toEqual([])
        expect(emails.has(`after-crash-${backend}@example.com`)).toBe(true)
        expect(await store.count()).toBe(emails.size)
        expect(emails.size).toBeGreaterThan(before + acknowledged.length)
      } finally {
        await store.close()
      }
    })

    if (backend === 'postgres') {
      test('two instances on one database take signups side by side and lose none', async () => {
        test.setTimeout(120_000)
        const [a, b] = await Promise.all([startServer(db.env), startServer(db.env)])
        try {
          const forms = await Promise.all([signupForm(a.base), signupForm(b.base)])
          const emails = Array.from({ length: 250 }, (_, i) => `pair-${i}@example.com`)
          // Each address twice, once through each instance, all at once.
          const answers = await Promise.all(
            emails.flatMap((e) => [signUp(a.base, forms[0], e), signUp(b.base, forms[1], e)]),
          )
          expect(
            answers.filter((x) => x.status !== 200 || !x.thanked).map((x) => x.status),
          ).toEqual([])
        } finally {
          await Promise.all([a.stop(), b.stop()])
        }
        const store = await db.open()
        try {
          const stored = new Set(await rows(store))
          expect(
            Array.from({ length: 250 }, (_, i) => `pair-${i}@example.com`).filter(
              (e) => !stored.has(e),
            ),
          ).toEqual([])
        } finally {
          await store.close()
        }
      })
    }
  })
}
