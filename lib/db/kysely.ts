import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
} from 'kysely'
import type { Params, Queryable } from './database'

/**
 * A Kysely dialect over the site's own database (PGlite or PostgreSQL alike), for a library that
 * speaks Kysely (Better Auth, lib/staff/auth.ts): its queries run on the connection every other
 * feature uses, so the embedded database is still opened once. No transactions: a caller that
 * asks for one gets an error rather than statements silently run outside it.
 */
export function siteDialect(database: () => Promise<Queryable>): Dialect {
  const connection: DatabaseConnection = {
    async executeQuery(compiled) {
      const db = await database()
      return { rows: await db.query(compiled.sql, compiled.parameters as unknown as Params) }
    },
    async *streamQuery() {
      throw new Error('siteDialect does not stream')
    },
  }
  const noTransactions = async () => {
    throw new Error('siteDialect runs no transactions: use Database.transaction')
  }
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: noTransactions,
    commitTransaction: noTransactions,
    rollbackTransaction: noTransactions,
    releaseConnection: async () => {},
    // The database belongs to the site: whoever opened it closes it.
    destroy: async () => {},
  }
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  }
}
