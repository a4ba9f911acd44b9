import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startPostgres, type TestPostgres } from '@/scripts/testing/postgres'
import { normaliseEmail } from './email'
import { migrate, migrations } from '@/lib/db/migrations'

/** Every step of the site's schema, in order. */
const allVersions = migrations.map((m) => m.version)
import { openPglite } from '@/lib/db/pglite'
import { openPostgres } from '@/lib/db/postgres'
import { pgliteDir } from '@/lib/db'
import type { Database, Params } from '@/lib/db/database'
import {
  createStore,
  hashToken,
  openStore,
  type NewSubscriber,
  type Subscriber,
  type SubscriberStore,
} from './store'

/**
 * One contract, three databases: the store must behave the same on PGlite in memory (the
 * unit tests' choice), PGlite in a folder (the site's default) and PostgreSQL (production).
 */
type Backend = {
  name: string
  /** Opens the backend's one database; again after close() to see what persisted. */
  open(): Promise<Database>
  teardown(): Promise<void>
}

function memoryBackend(): Backend {
  let instance: Promise<Database> | undefined
  return {
    name: 'PGlite in memory',
    // Memory does not survive close(), so "reopening" serves the same instance again.
    async open() {
      const db = await (instance ??= openPglite())
      return { ...db, close: async () => {} }
    },
    teardown: async () => (await instance)?.close(),
  }
}

type FolderBackend = Backend & { root: string; dir: string; lockFile: string }
type PostgresBackend = Backend & { start(): Promise<TestPostgres>; url(): Promise<string> }

function folderBackend(): FolderBackend {
  // Named now, made on first open (openPglite creates it): a run that skips these tests
  // leaves nothing behind.
  const root = path.join(tmpdir(), `intertitle-store-${randomUUID()}`)
  const dir = pgliteDir(root)
  return {
    name: 'PGlite in a folder',
    /** DATA_DIR, as the site would be given it. */
    root,
    dir,
    lockFile: `${dir}.lock`,
    open: () => openPglite(dir),
    async teardown() {
      rmSync(root, { recursive: true, force: true })
    },
  }
}

function postgresBackend(): PostgresBackend {
  let server: Promise<TestPostgres> | undefined
  // Not skipped when PostgreSQL is missing: this rejects with the harness's install instructions.
  const start = () => (server ??= startPostgres())
  return {
    name: 'PostgreSQL',
    start,
    url: async () => (await start()).url,
    open: async () => openPostgres((await start()).url),
    // A server that never started has nothing to stop; its tests already failed saying why.
    teardown: async () =>
      server?.then(
        (started) => started.stop(),
        () => undefined,
      ),
  }
}

function fail(message: string): never {
  throw new Error(message)
}

const SLOW = 60_000
function tempRoot(): string {
  return mkdtempSync(path.join(tmpdir(), 'intertitle-store-'))
}

const subscriber = (email: string, extra: Partial<NewSubscriber> = {}): NewSubscriber => ({
  email: normaliseEmail(email),
  consentedAt: new Date('2025-06-01T09:00:00.000Z'),
  consentText: 'Yes, email me.',
  utm: {},
  ...extra,
})

/** Counts the queries a store makes, to see list() really fetch page by page. */
function counting(db: Database): { db: Database; queries: () => number } {
  let n = 0
  return {
    db: {
      ...db,
      query<Row>(text: string, params?: Params) {
        n++
        return db.query<Row>(text, params)
      },
    },
    queries: () => n,
  }
}

async function versions(db: Database): Promise<number[]> {
  const rows = await db.query<{ version: number }>(
    'select version from schema_migrations order by version',
  )
  return rows.map((row) => row.version)
}

async function rowsOf(store: SubscriberStore, pageSize?: number): Promise<Subscriber[]> {
  const rows: Subscriber[] = []
  for await (const row of store.list({ pageSize })) rows.push(row)
  return rows
}

const emailsOf = async (store: SubscriberStore, pageSize?: number) =>
  (await rowsOf(store, pageSize)).map((row) => row.email)

/** The pid of a process that has run and exited, so names nobody. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await once(child, 'exit')
  return child.pid ?? fail('no pid')
}

const folder = folderBackend()
const postgres = postgresBackend()
const backends: Backend[] = [memoryBackend(), folder, postgres]

// PostgreSQL's initdb runs in processes of its own: start it while PGlite's runs here, and
// stop it here too, in case a filter (vitest -t) skips its suite and so that suite's afterAll.
// Vitest ends its workers with a signal, which the harness's exit hook does not see.
beforeAll(() => void postgres.start().catch(() => undefined))
afterAll(() => postgres.teardown(), SLOW)

for (const backend of backends) {
  describe(`SubscriberStore on ${backend.name}`, { timeout: SLOW }, () => {
    /** The open handle; tests that reopen the database replace it. */
    let db: Database | undefined
    const current = () => db ?? fail('no open database')

    async function closeCurrent(): Promise<void> {
      await current().close()
      db = undefined
    }

    async function reopen(): Promise<Database> {
      await closeCurrent()
      return (db = await backend.open())
    }

    afterAll(async () => {
      await db?.close()
      await backend.teardown()
    }, SLOW)

    // Each test starts from an empty database: dropping the tables is much quicker than a
    // new PGlite, which runs initdb in WebAssembly. Opened here, too, so that a test that
    // failed with its database closed does not take the next ones down with it.
    beforeEach(async () => {
      db ??= await backend.open()
      await db.exec(
        'drop schema if exists pgboss cascade; drop schema public cascade; create schema public',
      )
    }, SLOW)

    // On a folder or a server this is also the test that data survives close and reopen.
    it('runs each migration once, and reopening changes nothing', async () => {
      expect(await migrate(current())).toEqual(allVersions)
      const store = await createStore(current())
      await store.signUp(subscriber('kept@example.com', { utm: { source: 'kept' } }))
      expect(await versions(current())).toEqual(allVersions)

      const reopened = await createStore(await reopen())
      expect(await migrate(current())).toEqual([])
      expect(await versions(current())).toEqual(allVersions)
      expect(await rowsOf(reopened)).toEqual([
        expect.objectContaining({ email: 'kept@example.com', utmSource: 'kept' }),
      ])
    })

    it('refuses a database that is newer than the code', async () => {
      await createStore(current())
      const future = allVersions.length + 1
      await current().query(
        "insert into schema_migrations (version, name) values ($1, 'from the future')",
        [future],
      )
      await expect(createStore(current())).rejects.toThrow(
        `schema version ${future}, newer than this code (${allVersions.length})`,
      )
    })

    it('adds subscribers and counts them', async () => {
      const store = await createStore(current())
      expect(await store.count()).toBe(0)
      await store.signUp(subscriber('one@example.com'))
      await store.signUp(subscriber('two@example.com'))
      expect(await store.count()).toBe(2)
    })

    it('stores an address once whatever its case, keeping the first consent', async () => {
      const store = await createStore(current())
      await store.signUp(
        subscriber('Ann@Example.com', {
          consentedAt: new Date('2025-01-01T10:00:00.000Z'),
          sourcePath: '/reviews/first',
          utm: { campaign: 'first' },
        }),
      )
      await store.signUp(
        subscriber(' ann@EXAMPLE.COM ', {
          consentedAt: new Date('2025-02-02T10:00:00.000Z'),
          sourcePath: '/issues/second',
          utm: { campaign: 'second' },
        }),
      )
      expect(await store.count()).toBe(1)
      const [only] = await rowsOf(store)
      expect(only).toMatchObject({
        email: 'Ann@example.com',
        consentedAt: '2025-01-01T10:00:00.000Z',
        sourcePath: '/reviews/first',
        utmCampaign: 'first',
      })
    })

    it('lists every subscriber in signup order, a page at a time', async () => {
      const spy = counting(current())
      const store = await createStore(spy.db)
      // Not alphabetical, so the order can only come from the order of signing up.
      // Twelve, so ids run past 9: sorted as text, 10 would come before 2.
      const signedUp = [
        'mia',
        'al',
        'zoe',
        'bo',
        'cy',
        'ed',
        'di',
        'kit',
        'jo',
        'flo',
        'gus',
        'hal',
      ].map((name) => `${name}@example.com`)
      for (const email of signedUp) await store.signUp(subscriber(email))

      const pagesOf = async (pageSize: number) => {
        const before = spy.queries()
        expect(await emailsOf(store, pageSize)).toEqual(signedUp)
        return spy.queries() - before
      }
      expect(await pagesOf(5)).toBe(3) // 5 + 5 + 2
      expect(await pagesOf(4)).toBe(4) // 4 + 4 + 4, then an empty page to be sure
      expect(await pagesOf(1)).toBe(13)
      expect(await pagesOf(1000)).toBe(1)
    })

    it('gives back every column as it was stored', async () => {
      const store = await createStore(current())
      await store.signUp({
        email: 'full@example.com',
        consentedAt: new Date('2025-03-04T05:06:07.089Z'),
        consentText: 'Yes, email me the newsletter — «ça va», “quoted”, with a comma, too.',
        consentVersion: '2025-03',
        sourcePath: '/reviews/ballerina-2025',
        sourceReview: 'ballerina-2025',
        sourceIssue: 'issue-3',
        utm: {
          source: 'newsletter',
          medium: 'email',
          campaign: 'spring-2025',
          content: 'header link',
          term: 'dance',
        },
      })
      await store.signUp(subscriber('bare@example.com'))
      const rows = await rowsOf(store)
      expect(rows).toEqual([
        {
          id: expect.stringMatching(/^\d+$/),
          email: 'full@example.com',
          status: 'pending',
          consentedAt: '2025-03-04T05:06:07.089Z',
          consentText: 'Yes, email me the newsletter — «ça va», “quoted”, with a comma, too.',
          consentVersion: '2025-03',
          confirmedAt: null,
          unsubscribedAt: null,
          bouncedAt: null,
          sourcePath: '/reviews/ballerina-2025',
          sourceReview: 'ballerina-2025',
          sourceIssue: 'issue-3',
          utmSource: 'newsletter',
          utmMedium: 'email',
          utmCampaign: 'spring-2025',
          utmContent: 'header link',
          utmTerm: 'dance',
        },
        {
          id: expect.stringMatching(/^\d+$/),
          email: 'bare@example.com',
          status: 'pending',
          consentedAt: '2025-06-01T09:00:00.000Z',
          consentText: 'Yes, email me.',
          consentVersion: null,
          confirmedAt: null,
          unsubscribedAt: null,
          bouncedAt: null,
          sourcePath: null,
          sourceReview: null,
          sourceIssue: null,
          utmSource: null,
          utmMedium: null,
          utmCampaign: null,
          utmContent: null,
          utmTerm: null,
        },
      ])
    })

    describe('double opt-in', () => {
      const at = (iso: string) => new Date(iso)
      const signUpAt = (store: SubscriberStore, email: string, iso: string) =>
        store.signUp(subscriber(email, { consentedAt: at(iso) }))
      const statusOf = async (store: SubscriberStore, email: string) =>
        (await rowsOf(store)).find((row) => row.email === email)?.status

      it('stores a signup pending, keeps only a hash of its link, and confirms on the link', async () => {
        const store = await createStore(current())
        const { confirmation } = await signUpAt(store, 'new@example.com', '2025-06-01T09:00:00Z')
        const token = confirmation?.confirmToken ?? fail('no confirmation email')
        expect(await statusOf(store, 'new@example.com')).toBe('pending')
        const stored = await current().query<{ token_hash: string }>(
          'select * from confirmation_tokens',
        )
        expect(stored).toEqual([expect.objectContaining({ token_hash: hashToken(token) })])
        expect(JSON.stringify(stored)).not.toContain(token)

        expect(await store.checkConfirmation(token, at('2025-06-02T09:00:00Z'))).toBe('valid')
        expect(await store.confirm(token, at('2025-06-02T09:00:00Z'))).toBe('confirmed')
        // Opened again (a mail scanner, a second click): still fine, and the first time stays.
        expect(await store.confirm(token, at('2025-06-02T10:00:00Z'))).toBe('confirmed')
        expect(await rowsOf(store)).toEqual([
          expect.objectContaining({ status: 'confirmed', confirmedAt: '2025-06-02T09:00:00.000Z' }),
        ])
        expect(await store.confirm('not-a-token', at('2025-06-02T10:00:00Z'))).toBe('invalid')
      })

      it('lets a link work for 48 hours and no longer', async () => {
        const store = await createStore(current())
        const { confirmation } = await signUpAt(store, 'late@example.com', '2025-06-01T09:00:00Z')
        const token = confirmation!.confirmToken
        expect(await store.checkConfirmation(token, at('2025-06-03T08:59:00Z'))).toBe('valid')
        expect(await store.checkConfirmation(token, at('2025-06-03T09:00:01Z'))).toBe('invalid')
        expect(await store.confirm(token, at('2025-06-03T09:00:01Z'))).toBe('invalid')
        expect(await statusOf(store, 'late@example.com')).toBe('pending')
      })

      it('sends an address at most one email in 10 minutes and three a day, whatever is submitted', async () => {
        const store = await createStore(current())
        const times = [
          '2025-06-01T09:00:00Z', // sent
          '2025-06-01T09:05:00Z', // within 10 minutes: none
          '2025-06-01T09:11:00Z', // sent
          '2025-06-01T09:30:00Z', // sent: the third today
          '2025-06-01T12:00:00Z', // a fourth: none
          '2025-06-02T09:10:00Z', // a day after the first: sent
        ]
        const sent = []
        for (const t of times)
          sent.push(Boolean((await signUpAt(store, 'Much@Example.com', t)).confirmation))
        expect(sent).toEqual([true, false, true, true, false, true])
        expect(await store.count()).toBe(1)
      })

      it('sends a confirmed address no confirmation, and keeps it confirmed', async () => {
        const store = await createStore(current())
        const first = await signUpAt(store, 'kept@example.com', '2025-06-01T09:00:00Z')
        await store.confirm(first.confirmation!.confirmToken, at('2025-06-01T09:01:00Z'))
        const again = await signUpAt(store, 'kept@example.com', '2025-06-03T09:00:00Z')
        expect(again.confirmation).toBeUndefined()
        expect(await statusOf(store, 'kept@example.com')).toBe('confirmed')
      })

      it('unsubscribes for good: old links die, and only a new signup and confirmation bring them back', async () => {
        const store = await createStore(current())
        const first = await signUpAt(store, 'gone@example.com', '2025-06-01T09:00:00Z')
        const { confirmToken, unsubscribeToken } = first.confirmation!
        await store.confirm(confirmToken, at('2025-06-01T09:01:00Z'))
        expect(await store.unsubscribe(unsubscribeToken, at('2025-06-01T10:00:00Z'))).toBe(true)
        expect(await store.unsubscribe(unsubscribeToken, at('2025-06-01T11:00:00Z'))).toBe(true)
        expect(await store.unsubscribe('nobody', at('2025-06-01T11:00:00Z'))).toBe(false)
        expect(await rowsOf(store)).toEqual([
          expect.objectContaining({
            status: 'unsubscribed',
            unsubscribedAt: '2025-06-01T10:00:00.000Z',
          }),
        ])
        // The first link is still within its 48 hours, but no longer confirms anything.
        expect(await store.confirm(confirmToken, at('2025-06-01T12:00:00Z'))).toBe('invalid')
        expect(await statusOf(store, 'gone@example.com')).toBe('unsubscribed')

        const back = await signUpAt(store, 'gone@example.com', '2025-06-02T09:00:00Z')
        expect(await statusOf(store, 'gone@example.com')).toBe('pending')
        expect(back.confirmation?.unsubscribeToken).toBe(unsubscribeToken)
        await store.confirm(back.confirmation!.confirmToken, at('2025-06-02T09:05:00Z'))
        expect(await statusOf(store, 'gone@example.com')).toBe('confirmed')
      })

      it('marks a bounce, which stops mail like an unsubscribe', async () => {
        const store = await createStore(current())
        const { confirmation } = await signUpAt(store, 'full@example.com', '2025-06-01T09:00:00Z')
        await store.confirm(confirmation!.confirmToken, at('2025-06-01T09:01:00Z'))
        const [row] = await rowsOf(store)
        await store.markBounced(row!.id, at('2025-06-05T00:00:00Z'))
        expect(await rowsOf(store)).toEqual([
          expect.objectContaining({ status: 'bounced', bouncedAt: '2025-06-05T00:00:00.000Z' }),
        ])
        expect(await store.countByStatus()).toEqual({
          pending: 0,
          confirmed: 0,
          unsubscribed: 0,
          bounced: 1,
        })
      })

      it('removes addresses left unconfirmed for 30 days, and only those', async () => {
        const store = await createStore(current())
        await signUpAt(store, 'old@example.com', '2025-05-01T09:00:00Z')
        await signUpAt(store, 'recent@example.com', '2025-05-20T09:00:00Z')
        const kept = await signUpAt(store, 'confirmed@example.com', '2025-04-01T09:00:00Z')
        await store.confirm(kept.confirmation!.confirmToken, at('2025-04-01T09:01:00Z'))
        expect(await store.purgeUnconfirmed(at('2025-06-01T09:00:00Z'))).toBe(1)
        expect(await emailsOf(store)).toEqual(['recent@example.com', 'confirmed@example.com'])
        expect(await current().query('select * from confirmation_tokens')).toHaveLength(2)
      })

      it('erases an address and its consent record on request', async () => {
        const store = await createStore(current())
        await signUpAt(store, 'Forget.Me@example.com', '2025-06-01T09:00:00Z')
        await signUpAt(store, 'stay@example.com', '2025-06-01T09:00:00Z')
        expect(await store.erase('forget.me@EXAMPLE.com')).toBe(true)
        expect(await store.erase('forget.me@example.com')).toBe(false)
        expect(await emailsOf(store)).toEqual(['stay@example.com'])
        expect(await current().query('select * from confirmation_tokens')).toHaveLength(1)
      })
    })

    it('keeps exactly one row per address under 1,000 concurrent signups', async () => {
      const store = await createStore(current())
      const addresses = Array.from({ length: 800 }, (_, i) => `reader${i}@example.com`)
      // Every fourth address comes again straight after itself (half of them in capitals),
      // so both copies are in flight together: 800 + 200 signups.
      const signups = addresses.flatMap((email, i) =>
        i % 4 === 0 ? [email, i % 8 === 0 ? email.toUpperCase() : email] : [email],
      )
      expect(signups).toHaveLength(1000)

      await Promise.all(signups.map((email) => store.signUp(subscriber(email))))

      expect(await store.count()).toBe(800)
      const stored = await emailsOf(store, 250)
      expect(new Set(stored.map((email) => email.toLowerCase()))).toEqual(new Set(addresses))
    })

    if (backend === postgres) {
      it('runs on a server with fsync on, and is what openStore opens for DATABASE_URL', async () => {
        const [setting] = await current().query<{ fsync: string }>('show fsync')
        expect(setting?.fsync).toBe('on')

        await (await createStore(current())).signUp(subscriber('via-url@example.com'))
        const dataDir = tempRoot()
        const store = await openStore({ databaseUrl: await postgres.url(), dataDir })
        try {
          expect(store.kind).toBe('postgres')
          expect(await emailsOf(store)).toEqual(['via-url@example.com'])
          expect(existsSync(pgliteDir(dataDir))).toBe(false)
        } finally {
          await store.close()
          rmSync(dataDir, { recursive: true, force: true })
        }
      })
    }

    if (backend === folder) {
      describe('its lock file', () => {
        it('names this process while open, keeps out a second instance, and goes on close', async () => {
          await (await createStore(current())).signUp(subscriber('locked@example.com'))
          expect(readFileSync(folder.lockFile, 'utf8')).toBe(String(process.pid))
          // A second instance in the same process would corrupt the folder as surely as a second process.
          await expect(openPglite(folder.dir)).rejects.toThrow(/already open in this process/)
          await expect(openStore({ dataDir: folder.root })).rejects.toThrow(
            /already open in this process/,
          )

          await closeCurrent()
          expect(existsSync(folder.lockFile)).toBe(false)
          // What the site opens when DATABASE_URL is unset.
          const store = await openStore({ dataDir: folder.root })
          try {
            expect(store.kind).toBe('pglite')
            expect(await emailsOf(store)).toEqual(['locked@example.com'])
          } finally {
            await store.close()
          }
        })

        it('refuses to open while another live process holds it', async () => {
          // A folder beside this one, so this one can stay open: the lock is checked first.
          const other = path.join(folder.root, 'other')
          // The parent process (Vitest's) stands in for a running site: alive, and not us.
          writeFileSync(`${other}.lock`, String(process.ppid))
          await expect(openPglite(other)).rejects.toThrow(
            `The embedded database ${other} is in use by process ${process.ppid} (is the site running?)`,
          )
          expect(readFileSync(`${other}.lock`, 'utf8')).toBe(String(process.ppid))
          expect(existsSync(other)).toBe(false)
        })

        it('takes over a lock left by a process that has died, or by an earlier life of this pid', async () => {
          await (await createStore(current())).signUp(subscriber('still-here@example.com'))
          for (const stale of [await deadPid(), process.pid]) {
            await closeCurrent()
            writeFileSync(folder.lockFile, String(stale))
            db = await backend.open()
            expect(readFileSync(folder.lockFile, 'utf8')).toBe(String(process.pid))
            expect(await emailsOf(await createStore(db))).toEqual(['still-here@example.com'])
          }
        })
      })
    }
  })
}
