import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type * as WorkerThreads from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from './database'
import { openPglite } from './pglite'

// Each database's thread, as it is started, so that a test can kill one.
const threads = vi.hoisted(() => [] as WorkerThreads.Worker[])
vi.mock('node:worker_threads', async (original) => {
  const actual = await original<typeof WorkerThreads>()
  class Recorded extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args)
      threads.push(this)
    }
  }
  return { ...actual, Worker: Recorded }
})

const SLOW = 60_000

/** A promise, and whether it has settled yet. */
function watch<T>(promise: Promise<T>) {
  const seen = { promise, settled: false }
  promise.then(
    () => (seen.settled = true),
    () => (seen.settled = true),
  )
  return seen
}

describe('PGlite in its own thread', { timeout: SLOW }, () => {
  let db: Database
  beforeAll(async () => {
    db = await openPglite()
    await db.exec(`
      create table films (slug text primary key, title text not null, seen timestamptz, stills bytea);
      create table counts (n int)`)
  }, SLOW)
  afterAll(() => db?.close())

  it('answers queries with their rows, and a script with its last statement’s', async () => {
    expect(await db.query<{ n: number }>('select $1::int + 1 as n', [41])).toEqual([{ n: 42 }])
    expect(await db.exec('select 1 as a; select 2 as b')).toEqual([{ b: 2 }])
    expect(await db.exec('create table nothing (id int)')).toEqual([])
  })

  it('carries Dates, bigints, JSON, arrays, bytes, booleans and nulls both ways', async () => {
    const seen = new Date('2025-06-05T08:30:00.123Z')
    // Bytes are no Params of the site's, but PGlite takes them (pg-boss could send them).
    const stills = new Uint8Array([1, 2, 255]) as unknown as string
    await db.query('insert into films (slug, title, seen, stills) values ($1, $2, $3, $4)', [
      'ballerina-2025',
      'Ballerina',
      seen,
      stills,
    ])
    const [row] = await db.query<Record<string, unknown>>(
      `select seen, stills, count(*) over ()::bigint as total, json_build_object('a', array[1, 2]) as j,
         array['x', 'y'] as tags, true as yes, null::text as nothing
       from films where slug = $1`,
      ['ballerina-2025'],
    )
    expect(row).toEqual({
      seen,
      stills: new Uint8Array([1, 2, 255]),
      total: 1,
      j: { a: [1, 2] },
      tags: ['x', 'y'],
      yes: true,
      nothing: null,
    })
    expect(row?.seen).toBeInstanceOf(Date)
  })

  it('gives PostgreSQL’s errors as Errors with their code, detail and constraint', async () => {
    await db.query(`insert into films (slug, title) values ('dup', 'One')`)
    const error = await db.query(`insert into films (slug, title) values ('dup', 'Two')`).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      message: 'duplicate key value violates unique constraint "films_pkey"',
      code: '23505',
      detail: 'Key (slug)=(dup) already exists.',
      constraint: 'films_pkey',
      table: 'films',
    })
    // Made on this thread, so its stack leads back to the caller.
    expect((error as Error).stack).toContain('pglite.integration.test.ts')
    await expect(db.query('select nonsense from nowhere')).rejects.toMatchObject({ code: '42P01' })
  })

  it('commits a transaction that resolves, rolls back one that throws', async () => {
    const inside = await db.transaction(async (tx) => {
      await tx.query('insert into counts values (1)')
      return tx.query<{ n: number }>('select count(*)::int as n from counts')
    })
    expect(inside).toEqual([{ n: 1 }])
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into counts values (2)')
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    // A statement that fails inside aborts the transaction: rolled back, its error given.
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into counts values (3)')
        await tx.query('insert into counts values ($1)', ['three'])
      }),
    ).rejects.toMatchObject({ code: '22P02' })
    expect(await db.query('select n from counts')).toEqual([{ n: 1 }])
  })

  it('keeps other queries waiting while a transaction is open, as PGlite does', async () => {
    let finish = () => {}
    const held = new Promise<void>((resolve) => (finish = resolve))
    let opened = () => {}
    const open = new Promise<void>((resolve) => (opened = resolve))
    const transaction = db.transaction(async (tx) => {
      await tx.query('insert into counts values (10)')
      opened()
      await held
    })
    await open
    const outside = watch(
      db.query<{ n: number }>('select count(*)::int as n from counts where n = 10'),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(outside.settled).toBe(false)
    finish()
    await transaction
    expect(await outside.promise).toEqual([{ n: 1 }])
  })

  it('leaves this thread free while a long statement runs', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    try {
      const [row] = await db.query<{ n: number }>(
        'select count(*)::int as n from generate_series(1, 3e6)',
      )
      expect(row?.n).toBe(3_000_000)
    } finally {
      clearInterval(timer)
    }
    expect(ticks).toBeGreaterThan(1)
  })
})

describe('PGlite in a folder', { timeout: SLOW }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'intertitle-pglite-'))
  const dir = path.join(root, 'db')
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('keeps its rows, and its lock until it is closed', async () => {
    const db = await openPglite(dir)
    await db.exec('create table kept (id int); insert into kept values (7)')
    expect(existsSync(`${dir}.lock`)).toBe(true)
    await expect(openPglite(dir)).rejects.toThrow(/already open in this process/)
    await db.close()
    expect(existsSync(`${dir}.lock`)).toBe(false)
    const again = await openPglite(dir)
    try {
      expect(await again.query('select id from kept')).toEqual([{ id: 7 }])
    } finally {
      await again.close()
    }
  })

  it('rejects pending and later calls with a clear error when its thread dies', async () => {
    const db = await openPglite(dir)
    const thread = threads.at(-1)!
    const running = db.query('select count(*) from generate_series(1, 3e7)')
    await thread.terminate()
    await expect(running).rejects.toThrow(/embedded database's thread stopped/)
    await expect(db.query('select 1')).rejects.toThrow(/embedded database's thread stopped/)
    await expect(db.transaction(async () => 1)).rejects.toThrow(/thread stopped/)
    // Closing it still lets go of the folder.
    await db.close()
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })

  it('never keeps a process alive: closed or left open, the process exits by itself', async () => {
    const script = path.join(root, 'open-and-leave.mts')
    writeFileSync(
      script,
      [
        `import { openPglite } from ${JSON.stringify(path.resolve('lib/db/pglite.ts'))}`,
        `const closed = await openPglite(${JSON.stringify(dir)})`,
        `await closed.query('select 1')`,
        'await closed.close()',
        `const left = await openPglite(${JSON.stringify(dir)})`,
        `console.log(JSON.stringify(await left.query('select id from kept')))`,
      ].join('\n'),
    )
    const { stdout } = await promisify(execFile)('npx', ['tsx', script], { timeout: SLOW })
    expect(JSON.parse(stdout)).toEqual([{ id: 7 }])
    // The process's exit released the lock of the one it left open.
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })
})
