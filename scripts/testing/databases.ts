import { afterAll } from 'vitest'
import type { Database } from '../../lib/db/database'
import { migrate } from '../../lib/db/migrations'
import { openPglite } from '../../lib/db/pglite'
import { openPostgres } from '../../lib/db/postgres'
import { startPostgres, type TestPostgres } from './postgres'

export type TestDatabase = [name: string, open: () => Promise<Database>]

/**
 * The site's two databases for a test file that must hold on both: PGlite in memory and a
 * throwaway PostgreSQL server (started on first use). Each `open` gives a database migrated to
 * the site's schema; all are closed, and the server stopped, after the file's tests.
 */
export function bothDatabases(): TestDatabase[] {
  let postgres: Promise<TestPostgres> | undefined
  const opened: Database[] = []
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()))
    await (await postgres)?.stop()
  })
  const migrated = (open: () => Promise<Database>) => async () => {
    const db = await open()
    opened.push(db)
    await migrate(db)
    return db
  }
  return [
    ['PGlite', migrated(() => openPglite())],
    ['PostgreSQL', migrated(async () => openPostgres((await (postgres ??= startPostgres())).url))],
  ]
}
