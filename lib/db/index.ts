import path from 'node:path'
import type { Database } from './database'
import { migrate } from './migrations'

export type { Database, Params, Queryable } from './database'
export { migrate, migrations, type Migration } from './migrations'
export { DatabaseInUse } from './pglite'

export type DatabaseConfig = { databaseUrl?: string; dataDir: string }

/**
 * The site's one database, its schema brought up to date: PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in `<DATA_DIR>/newsletter` (the folder keeps the name it had
 * when signups were all it held, so an existing site keeps its data).
 */
export async function openDatabase({ databaseUrl, dataDir }: DatabaseConfig): Promise<Database> {
  const db = databaseUrl
    ? await (await import('./postgres')).openPostgres(databaseUrl)
    : await (await import('./pglite')).openPglite(pgliteDir(dataDir))
  try {
    await migrate(db)
    return db
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
}

// Never traced into a standalone build: a deployment must not carry a developer's subscribers.
export const pgliteDir = (dataDir: string) =>
  path.resolve(/* turbopackIgnore: true */ dataDir, 'newsletter')
