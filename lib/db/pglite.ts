import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'
import type { Database, Params, Queryable } from './database'

/**
 * Lock files this process holds. On globalThis because Next may evaluate this module more
 * than once in one server, and each copy must see the others' locks.
 */
const held = ((globalThis as { __intertitlePgliteLocks?: Set<string> }).__intertitlePgliteLocks ??=
  new Set<string>())

/**
 * PGlite is PostgreSQL in one process: only one PGlite instance may open its folder at a time
 * (two would corrupt it), so a lock file beside the folder names the owner. A lock left by
 * a process that no longer exists (killed, crashed) is taken over, and so is one naming this
 * process's own id that this process does not hold: a container restarted after a crash
 * often gets the same pid back.
 */
function lock(dir: string): () => void {
  const file = path.resolve(/* turbopackIgnore: true */ `${dir}.lock`)
  if (held.has(file)) {
    throw new Error(
      `The embedded database ${dir} is already open in this process; share that instance instead.`,
    )
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      held.add(file)
      const release = () => {
        process.off('exit', release)
        held.delete(file)
        rmSync(file, { force: true })
      }
      process.on('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(file, 'utf8'))
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(
          `The embedded database ${dir} is in use by process ${owner} (is the site running?). ` +
            'Stop that process first, or set DATABASE_URL to use PostgreSQL.',
        )
      }
      rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not lock ${file}`)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A killed process stays a zombie until its parent reaps it, and a container whose first
  // process is not an init never does: Linux says which ones are.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** The embedded default: PGlite persisted in `dir`, or in memory when `dir` is omitted (tests). */
export async function openPglite(dir?: string): Promise<Database> {
  let release = () => {}
  if (dir) {
    mkdirSync(path.dirname(dir), { recursive: true })
    release = lock(dir)
  }
  try {
    // Loaded on demand: a site on PostgreSQL never pays for the WebAssembly.
    const { PGlite } = await import('@electric-sql/pglite')
    const pglite = await PGlite.create(dir)
    const on = (client: Pick<typeof pglite, 'query' | 'exec'>): Queryable => ({
      async query<Row>(text: string, params?: Params) {
        return (await client.query<Row>(text, params as unknown[] | undefined)).rows
      },
      async exec<Row>(script: string) {
        return ((await client.exec(script)).at(-1)?.rows ?? []) as Row[]
      },
    })
    return {
      kind: 'pglite',
      ...on(pglite),
      transaction: (work) => pglite.transaction((tx) => work(on(tx))),
      async close() {
        await pglite.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
