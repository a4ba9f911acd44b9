import { execFile } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { running } from '../system/processes.mjs'
import type { Database } from './database'
import { openPgliteThread } from './pglite-thread'

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
      if (owner && owner !== process.pid && running(owner)) {
        throw new DatabaseInUse(
          `The embedded database ${dir} is in use by process ${owner} (is the site running?). ` +
            'Stop that process first, or set DATABASE_URL to use PostgreSQL.',
        )
      }
      rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not lock ${file}`)
}

/** The embedded database is held by another live process: the site's server, most likely. */
export class DatabaseInUse extends Error {}

/**
 * The site's database is small: PostgreSQL's default 128 MB of shared buffers would be most of a
 * server's memory (docs/benchmarks.md, "Figures from code comments").
 */
const SETTINGS = ['shared_buffers = 16MB']

/**
 * Makes a new database folder in a child process that then exits: PGlite's initdb swells the
 * WebAssembly heap to several hundred megabytes, which a process never gives back
 * (docs/benchmarks.md, "Figures from code comments"). If the child cannot run, PGlite makes it in its
 * thread as it opens.
 */
async function initialise(dir: string): Promise<void> {
  if (existsSync(path.join(/* turbopackIgnore: true */ dir, 'PG_VERSION'))) return
  const script =
    "import { PGlite } from '@electric-sql/pglite'\n" +
    'const db = await PGlite.create(process.argv[1])\n' +
    'await db.close()\n'
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dir], {
      timeout: 120_000,
    })
  } catch (error) {
    console.error('database: could not create the embedded database in a child process', error)
  }
}

/**
 * The embedded default: PGlite persisted in `dir`, or in memory when `dir` is omitted (tests), run
 * in a worker thread (./pglite-thread.ts) so that its statements never hold up the server.
 */
export async function openPglite(dir?: string): Promise<Database> {
  let release = () => {}
  if (dir) {
    mkdirSync(path.dirname(dir), { recursive: true })
    release = lock(dir)
  }
  try {
    if (dir) await initialise(dir)
    const db = await openPgliteThread(dir, SETTINGS)
    return {
      ...db,
      async close() {
        try {
          await db.close()
        } finally {
          release()
        }
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
