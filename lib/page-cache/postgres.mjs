// @ts-check
/**
 * Next's cache of regenerated pages and route responses (ISR), kept in PostgreSQL so that every
 * instance of the site serves what any one of them rendered. Opt-in: set ISR_CACHE=postgres when
 * running, and when building a standalone server (next.config.mjs then names this file as
 * `cacheHandler`), with DATABASE_URL, the database the newsletter already uses. Without it each
 * instance keeps its own cache in its build's folder (./file-system.mjs). What both share, each
 * page's script policy and ETag among it, is ./handler.mjs.
 */
import pg from 'pg'
import { createCacheHandler, deserialize, serialize } from './handler.mjs'

/** Any number shared by every copy of the site, so two servers creating the table take turns. */
const SCHEMA_LOCK = 7_302_515

/** @type {Promise<pg.Pool> | undefined} */
let ready

/** One pool per server process (Next makes a handler per request); the table made on first use. */
function database() {
  ready ??= (async () => {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('ISR_CACHE=postgres needs DATABASE_URL')
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    })
    pool.on('error', (error) =>
      console.error('isr cache: idle PostgreSQL connection failed', error),
    )
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
      await client.query(`
        create table if not exists isr_cache (
          key text primary key,
          value text not null,
          tags text[] not null default '{}',
          last_modified double precision not null,
          cache_control jsonb
        )`)
      await client.query('commit')
    } catch (error) {
      await client.query('rollback')
      throw error
    } finally {
      client.release()
    }
    return pool
  })()
  ready.catch(() => (ready = undefined))
  return ready
}

/** A build without DATABASE_URL prerenders into its output as usual and stores nothing here. */
const buildingWithoutDatabase = () =>
  process.env.NEXT_PHASE === 'phase-production-build' && !process.env.DATABASE_URL

/** @type {import('./handler.mjs').Store} */
const store = {
  async read(key) {
    if (buildingWithoutDatabase()) return null
    const db = await database()
    const { rows } = await db.query(
      'select value, last_modified, cache_control from isr_cache where key = $1',
      [key],
    )
    const row = rows[0]
    if (!row) return null
    return {
      value: deserialize(row.value),
      lastModified: row.last_modified,
      cacheControl: row.cache_control ?? undefined,
    }
  },

  async write(key, { value, lastModified, cacheControl, tags }) {
    if (buildingWithoutDatabase()) return
    const db = await database()
    await db.query(
      `insert into isr_cache (key, value, tags, last_modified, cache_control) values ($1, $2, $3, $4, $5)
       on conflict (key) do update set value = excluded.value, tags = excluded.tags,
         last_modified = excluded.last_modified, cache_control = excluded.cache_control`,
      [
        key,
        serialize(value),
        tags,
        lastModified,
        cacheControl ? JSON.stringify(cacheControl) : null,
      ],
    )
  },

  async remove(key) {
    if (buildingWithoutDatabase()) return
    const db = await database()
    await db.query('delete from isr_cache where key = $1', [key])
  },

  async removeTagged(tags) {
    if (buildingWithoutDatabase()) return
    const db = await database()
    await db.query('delete from isr_cache where tags && $1::text[]', [tags])
  },
}

export default createCacheHandler(() => store)
