/**
 * `npm run --silent subscribers:export > subscribers.csv`: every newsletter subscriber as CSV
 * (UTF-8, RFC 4180), a header row then one row each in signup order, read from the database
 * the site uses: PostgreSQL when DATABASE_URL is set, else the embedded one under DATA_DIR.
 * Stdout carries the CSV and nothing else (hence --silent: npm prints its own banner there);
 * messages go to stderr, and any failure exits with status 1.
 */
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import nextEnv from '@next/env'
import { subscriberCsvHeader, subscriberCsvRow } from '../lib/newsletter/csv'
import { pgliteDir } from '../lib/db'
import { openStore } from '../lib/newsletter/store'

// The .env files `next start` reads, so the export finds the site's database; before lib/env,
// which validates the environment as it loads.
nextEnv.loadEnvConfig(process.cwd(), false, { info: console.error, error: console.error })

/** Set when stdout fails (a closed pipe, a full disk): the next write throws it. */
let stdoutError: Error | undefined
let wroteAny = false
process.stdout.on('error', (error) => {
  stdoutError = error
})

/** Waits when the pipe is full, so a long list streams through without piling up in memory. */
async function write(chunk: string): Promise<void> {
  if (stdoutError) throw stdoutError
  wroteAny = true
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
}

async function main(): Promise<void> {
  const { env } = await import('../lib/env')
  const dir = pgliteDir(env.DATA_DIR)
  // Opening would create an empty database: say so instead of exporting nothing from it.
  if (!env.DATABASE_URL && !existsSync(dir)) {
    throw new Error(
      `there is no subscriber database at ${dir}. Nobody has signed up on this machine yet, or DATA_DIR ` +
        `(${env.DATA_DIR}) is not the site's: run this in the site's folder, with its DATA_DIR or DATABASE_URL.`,
    )
  }
  // Exactly as the site opens it (lib/newsletter/server.ts), migrations included.
  const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
  let count = 0
  try {
    await write(subscriberCsvHeader)
    for await (const subscriber of store.list()) {
      await write(subscriberCsvRow(subscriber))
      count++
    }
  } finally {
    await store.close()
  }
  // Never the URL itself: it may hold a password.
  console.error(
    `Exported ${count} subscriber${count === 1 ? '' : 's'} from ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : dir}.`,
  )
}

main().catch((error: unknown) => {
  console.error(
    `subscribers:export failed: ${error instanceof Error ? error.message : String(error)}`,
  )
  if (wroteAny) console.error('The CSV written so far is incomplete.')
  process.exitCode = 1
})
