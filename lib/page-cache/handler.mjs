// @ts-check
/**
 * What both page caches share: a class for next.config's `cacheHandler` (Next's documented
 * interface: get, set, revalidateTag, resetRequestCache) over a store of serialised entries. Each
 * page entry gets its script policy (lib/security/policy.mjs) and its ETag (./etag.mjs) as Next
 * stores or reads it; a 404 is never kept. The stores: ./file-system.mjs (the default, files in
 * the build's folder) and ./postgres.mjs (ISR_CACHE=postgres, shared by every instance).
 *
 * Plain JavaScript, because Next loads the handler by path at run time, outside the app's bundle.
 */
import { withScriptPolicy } from '../security/policy.mjs'
import { withEtag } from './etag.mjs'

/**
 * @typedef {{ value: any, lastModified: number, cacheControl?: unknown, tags?: string[] }} Entry
 * @typedef {object} Store
 * @property {(key: string) => Promise<Entry | null>} read
 * @property {(key: string, entry: Entry) => Promise<void>} write
 * @property {(key: string) => Promise<void>} remove
 * @property {(tags: string[]) => Promise<void>} removeTagged drops every entry carrying one of the tags
 */

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

export const serialize = (/** @type {unknown} */ value) => JSON.stringify(value, replacer)
export const deserialize = (/** @type {string} */ text) => JSON.parse(text, reviver)

/** The entry's tags: those Next passes, and those its page was rendered with. @param {any} data @param {any} ctx @returns {string[]} */
function tagsOf(data, ctx) {
  const header = data?.headers?.['x-next-cache-tags']
  return [
    ...new Set([...(ctx?.tags ?? []), ...(typeof header === 'string' ? header.split(',') : [])]),
  ]
}

/**
 * @param {(options: unknown) => Store} openStore called once per handler Next makes (it makes one
 *   per request: the store keeps what it opens at module level)
 */
export function createCacheHandler(openStore) {
  return class PageCacheHandler {
    /** @param {unknown} options what Next passes to a cache handler */
    constructor(options) {
      this.store = openStore(options)
    }

    /** @param {string} key */
    async get(key) {
      const entry = await this.store.read(key)
      if (!entry) return null
      const { value, lastModified, cacheControl } = entry
      return { value: withEtag(withScriptPolicy(value)), lastModified, cacheControl }
    }

    /** @param {string} key @param {any} data @param {any} ctx */
    async set(key, data, ctx) {
      // First, as Next sends this same entry to the request that rendered it.
      withEtag(withScriptPolicy(data))
      // A 404 is not kept: anyone can ask for endless made-up URLs, and each would otherwise stay
      // in the store for good. It is rendered again when asked for, as a dynamic page would be.
      if (data === null || data.status === 404) return this.store.remove(key)
      await this.store.write(key, {
        value: data,
        lastModified: Date.now(),
        cacheControl: ctx?.cacheControl,
        tags: tagsOf(data, ctx),
      })
    }

    /** The next request for a page carrying one of the tags renders it afresh. @param {string | string[]} tags */
    async revalidateTag(tags) {
      const list = Array.isArray(tags) ? tags : [tags]
      if (list.length > 0) await this.store.removeTagged(list)
    }

    resetRequestCache() {}
  }
}
