// @ts-check
/**
 * Next's cache of regenerated pages and route responses (ISR), kept in PostgreSQL so that every
 * instance of the site serves what any one of them rendered. Opt-in: set ISR_CACHE=postgres when
 * running, and when building a standalone server (next.config.mjs then names this file as
 * `cacheHandler`), with DATABASE_URL, the database the newsletter already uses. Without it each
 * instance keeps its own cache under .next/cache (lib/page-cache/file-system.mjs). Either way each
 * page carries its script policy and its ETag.
 *
 * Plain JavaScript, because Next loads it by path at run time, outside the app's bundle.
 */
import pg from 'pg'
import { withScriptPolicy } from '../security/policy.mjs'
import { withEtag } from './etag.mjs'

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

// Entries hold Buffers (the RSC payload, route bodies) and Maps (per-segment payloads): JSON
// carries them as tagged objects. Buffer.toJSON has run by the time the replacer sees a value.
/** @param {string} _key @param {any} value */
function replacer(_key, value) {
  if (value instanceof Map) return { $map: [...value.entries()] }
  if (value && value.type === 'Buffer' && Array.isArray(value.data))
    return { $buffer: Buffer.from(value.data).toString('base64') }
  return value
}

/** @param {string} _key @param {any} value */
function reviver(_key, value) {
  if (value && typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64')
  if (value && Array.isArray(value.$map)) return new Map(value.$map)
  return value
}

const serialize = (/** @type {unknown} */ value) => JSON.stringify(value, replacer)
const deserialize = (/** @type {string} */ text) => JSON.parse(text, reviver)

/** @param {any} data @param {any} ctx @returns {string[]} */
function tagsOf(data, ctx) {
  const header = data?.headers?.['x-next-cache-tags']
  return [
    ...new Set([...(ctx?.tags ?? []), ...(typeof header === 'string' ? header.split(',') : [])]),
  ]
}

/** A build without DATABASE_URL prerenders into its output as usual and stores nothing here. */
const buildingWithoutDatabase = () =>
  process.env.NEXT_PHASE === 'phase-production-build' && !process.env.DATABASE_URL

export default class PostgresCacheHandler {
  /** @param {string} key */
  async get(key) {
    if (buildingWithoutDatabase()) return null
    const db = await database()
    const { rows } = await db.query(
      'select value, last_modified, cache_control from isr_cache where key = $1',
      [key],
    )
    const row = rows[0]
    if (!row) return null
    return {
      value: withEtag(withScriptPolicy(deserialize(row.value))),
      lastModified: row.last_modified,
      cacheControl: row.cache_control ?? undefined,
    }
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    // First, as Next sends this same entry to the request that rendered it.
    withEtag(withScriptPolicy(data))
    if (buildingWithoutDatabase()) return
    const db = await database()
    // A 404 is not kept: anyone can ask for endless made-up URLs, and each would otherwise stay
    // in the table for good. It is rendered again when asked for, as a dynamic page would be.
    if (data === null || data.status === 404) {
      await db.query('delete from isr_cache where key = $1', [key])
      return
    }
    await db.query(
      `insert into isr_cache (key, value, tags, last_modified, cache_control) values ($1, $2, $3, $4, $5)
       on conflict (key) do update set value = excluded.value, tags = excluded.tags,
         last_modified = excluded.last_modified, cache_control = excluded.cache_control`,
      [
        key,
        serialize(data),
        tagsOf(data, ctx),
        Date.now(),
        ctx?.cacheControl ? JSON.stringify(ctx.cacheControl) : null,
      ],
    )
  }

  /** Drops every entry carrying one of the tags: the next request renders it afresh. @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = Array.isArray(tags) ? tags : [tags]
    if (list.length === 0 || buildingWithoutDatabase()) return
    const db = await database()
    await db.query('delete from isr_cache where tags && $1::text[]', [list])
  }

  resetRequestCache() {}
}
