import pg from 'pg'
import type { Database, Params, Queryable } from './database'

/** PostgreSQL through node-postgres: a small pool, one client per transaction. */
export async function openPostgres(connectionString: string, { max = 10 } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  })
  // An idle client losing its connection must not take the server down; the pool replaces it.
  pool.on('error', (error) => console.error('database: idle PostgreSQL connection failed', error))

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(text: string, params?: Params) {
      const result = await client.query(text, params as unknown[] | undefined)
      return result.rows as Row[]
    },
    async exec<Row>(script: string) {
      // A script of several statements answers with one result each.
      const results: pg.QueryResult | pg.QueryResult[] = await client.query(script)
      return ([results].flat().at(-1)?.rows ?? []) as Row[]
    },
  })

  const db: Database = {
    kind: 'postgres',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work(on(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
  await db.query('select 1')
  return db
}
