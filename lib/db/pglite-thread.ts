import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Database, Params, Queryable } from './database'

/**
 * PGlite runs PostgreSQL as WebAssembly on the thread that calls it: every statement would stop
 * the server from answering anyone until it finished. So PGlite lives in a worker thread of its
 * own, and the server's thread only sends statements and receives rows (both copied by structured
 * clone: strings, numbers, booleans, null, Dates, arrays, plain objects and Uint8Arrays survive).
 */

type Request =
  | { op: 'open'; dir?: string; settings: string[] }
  | { op: 'query'; text: string; params?: Params; tx?: number }
  | { op: 'exec'; script: string; tx?: number }
  | { op: 'begin'; tx: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' }

/** An error as the thread sends it: its message and PostgreSQL's fields (code, detail, constraint…). */
type Fault = { message: string } & Record<string, string | number | boolean>

type Reply = { id: number; rows?: unknown[]; fault?: Fault }

type Call = { resolve: (rows: unknown[]) => void; reject: (fault: Fault) => void }

/**
 * The thread's code, evaluated rather than loaded from a file, so that no bundler has to know of
 * it. It runs one request at a time per message, as they come; PGlite itself queues statements,
 * and keeps other statements waiting while a transaction is open, exactly as on one thread. The
 * package is found from the working folder or the main script's (`node server.mjs` anywhere).
 */
const source = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const ROLLBACK = Symbol('rollback')
const transactions = new Map()
let db

function on(tx) {
  if (tx === undefined) return db
  const open = transactions.get(tx)
  if (!open) throw new Error('This transaction has already ended')
  return open.tx
}

const ops = {
  async open({ dir, settings }) {
    const { PGlite } = require(require.resolve('@electric-sql/pglite', { paths: workerData.paths }))
    db = await PGlite.create(dir, { postgresqlconf: settings })
  },
  async query({ text, params, tx }) {
    return (await on(tx).query(text, params)).rows
  },
  async exec({ script, tx }) {
    return (await on(tx).exec(script)).at(-1)?.rows ?? []
  },
  begin({ tx: id }) {
    return new Promise((opened, failed) => {
      const open = {}
      open.done = db.transaction(
        (tx) =>
          new Promise((commit, rollBack) => {
            Object.assign(open, { tx, commit, rollBack })
            transactions.set(id, open)
            opened()
          }),
      )
      open.done.catch(failed)
    })
  },
  async end({ tx: id, commit }) {
    const open = transactions.get(id)
    transactions.delete(id)
    if (!open) throw new Error('This transaction has already ended')
    if (commit) open.commit()
    else open.rollBack(ROLLBACK)
    await open.done.catch((error) => {
      if (error !== ROLLBACK) throw error
    })
  },
  async close() {
    await db?.close()
  },
}

function fault(error) {
  if (!(error instanceof Object)) return { message: String(error) }
  const fields = { ...error, name: error.name, message: error.message }
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)),
  )
}

parentPort.on('message', async ({ id, ...request }) => {
  try {
    parentPort.postMessage({ id, rows: await ops[request.op](request) })
  } catch (error) {
    parentPort.postMessage({ id, fault: fault(error) })
  }
})
`

/** PGlite in a worker thread of its own, persisted in `dir` or in memory when it is omitted. */
export async function openPgliteThread(
  dir: string | undefined,
  settings: string[],
): Promise<Database> {
  const main = process.argv[1]
  const worker = new Worker(source, {
    eval: true,
    workerData: { paths: [process.cwd(), ...(main ? [path.dirname(main)] : [])] },
    // The thread's own JavaScript is small (PGlite's glue, the messages): a young generation of
    // 4 MiB instead of V8's default keeps the server's resident memory lower (docs/benchmarks.md).
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  })
  const pending = new Map<number, Call>()
  let ids = 0
  let stopped: Fault | undefined
  let closing = false

  worker.on('message', ({ id, rows, fault }: Reply) => {
    const call = pending.get(id)
    pending.delete(id)
    // Only a call in flight keeps the process alive, as a statement on this thread would: an
    // open database in an idle server (or a script that forgot to close it) must not.
    if (pending.size === 0) worker.unref()
    if (fault) call?.reject(fault)
    else call?.resolve(rows ?? [])
  })
  worker.on('error', (error) => {
    stopped = { message: `The embedded database's thread failed: ${error.message}` }
    console.error('database: the embedded database stopped', error)
  })
  worker.on('exit', (code) => {
    stopped ??= {
      message: closing
        ? 'The embedded database is closed'
        : `The embedded database's thread stopped (exit code ${code})`,
    }
    for (const call of pending.values()) call.reject(stopped)
    pending.clear()
  })

  async function send<Row>(request: Request): Promise<Row[]> {
    try {
      if (stopped) throw stopped
      const id = ids++
      const reply = new Promise<unknown[]>((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      )
      try {
        worker.postMessage({ id, ...request })
      } catch (error) {
        pending.delete(id)
        throw error
      }
      worker.ref()
      return (await reply) as Row[]
    } catch (error) {
      // Made here, so that its stack names the caller rather than the message handler.
      if (error instanceof Error) throw error
      const { message, ...fields } = error as Fault
      throw Object.assign(new Error(message), fields)
    }
  }

  const on = (tx?: number): Queryable => ({
    query: (text, params) => send({ op: 'query', text, params, tx }),
    exec: (script) => send({ op: 'exec', script, tx }),
  })

  let transactions = 0
  const db: Database = {
    kind: 'pglite',
    ...on(),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = ++transactions
      await send({ op: 'begin', tx })
      let result: T
      try {
        result = await work(on(tx))
      } catch (error) {
        await send({ op: 'end', tx, commit: false }).catch(() => undefined)
        throw error
      }
      await send({ op: 'end', tx, commit: true })
      return result
    },
    async close() {
      try {
        if (!stopped) await send({ op: 'close' })
      } finally {
        closing = true
        await worker.terminate()
      }
    },
  }

  try {
    await send({ op: 'open', dir, settings })
    return db
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
}
