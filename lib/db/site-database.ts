import { env } from '@/lib/env'
import type { Database } from './database'
import { openDatabase } from './index'

// On globalThis: Next may evaluate this module more than once in one server, and a second
// PGlite on the same folder would corrupt it.
const shared = ((
  globalThis as { __intertitleDatabase?: { db?: Promise<Database> } }
).__intertitleDatabase ??= {})

/**
 * The running site's database, opened (and migrated) on first use, then shared by every request
 * and every feature: PGlite allows one instance per folder.
 */
export function siteDatabase(): Promise<Database> {
  shared.db ??= openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }).catch(
    (error: unknown) => {
      // Let the next request try again (PostgreSQL may simply not be up yet).
      shared.db = undefined
      throw error
    },
  )
  return shared.db
}
