// @ts-check
/**
 * The default page cache (ISR): each rendered page and route response as one file in the build's
 * folder, `<distDir>/cache/pages/`, which the build empties (./adapter.mjs), so no entry outlives
 * the build that rendered it. One server, or several sharing the folder; ISR_CACHE=postgres
 * (./postgres.mjs) shares entries between machines instead. What both share is ./handler.mjs.
 *
 * Next hands a cache handler of its own the pages it renders at run time, never those it
 * prerendered at build: the site's server renders the build's list once after it starts
 * (./warm.mjs), so readers after the first minute of a deploy find every page ready.
 */
import { createHash } from 'node:crypto'
import { join, mkdir, readFile, rename, resolve, rm, writeFile } from './files.mjs'
import { createCacheHandler, deserialize, serialize } from './handler.mjs'

/** The build's folder, as next.config.mjs names it, from the folder the site runs in. */
export const pagesFolder = (distDir = process.env.NEXT_DIST_DIR || '.next') =>
  resolve(distDir, 'cache', 'pages')

/**
 * A file named by the hash of a key or tag (Next's keys are opaque: any length, any characters).
 * @param {string} folder @param {string} name @param {string} ext
 */
const fileFor = (folder, name, ext) =>
  join(folder, createHash('sha256').update(name).digest('base64url') + ext)

const missing = (/** @type {any} */ error) => error?.code === 'ENOENT'

let writes = 0

/**
 * Writes `text` beside `file` and renames it into place, so a reader (or another server sharing
 * the folder) never sees half of it, and a crash leaves the last whole one.
 * @param {string} file @param {string} text
 */
async function writeWhole(file, text) {
  const partial = `${file}.${process.pid}.${++writes}.part`
  await writeFile(partial, text)
  await rename(partial, file)
}

/**
 * When a tag was last revalidated, as its file says: the clock that timed the entries, not the
 * file's modification time, which the file system keeps on a coarser clock (a revalidation a few
 * milliseconds after a page was stored could read as older than the page). 0 if it never was.
 * @param {string} file @returns {Promise<number>}
 */
const revalidatedAt = (file) =>
  readFile(file, 'utf8').then(Number, (error) => (missing(error) ? 0 : Promise.reject(error)))

/**
 * Entries in `folder`; a revalidated tag is a file of its own in `folder/tags`, written when the
 * tag was revalidated: an entry stored before that is gone (no entry is rewritten, so servers
 * sharing the folder never race on one file).
 * @param {string} folder @returns {import('./handler.mjs').Store}
 */
export function fileSystemStore(folder) {
  const tagsFolder = join(folder, 'tags')
  const entryFile = (/** @type {string} */ key) => fileFor(folder, key, '.json')
  const tagFile = (/** @type {string} */ tag) => fileFor(tagsFolder, tag, '.tag')
  return {
    async read(key) {
      let text
      try {
        text = await readFile(entryFile(key), 'utf8')
      } catch (error) {
        if (missing(error)) return null
        throw error
      }
      const { value, lastModified, cacheControl, tags = [] } = deserialize(text)
      const revalidated = await Promise.all(
        tags.map((/** @type {string} */ t) => revalidatedAt(tagFile(t))),
      )
      if (revalidated.some((at) => at >= lastModified)) return null
      return { value, lastModified, cacheControl, tags }
    },

    async write(key, entry) {
      await mkdir(folder, { recursive: true })
      await writeWhole(entryFile(key), serialize(entry))
    },

    async remove(key) {
      await rm(entryFile(key), { force: true })
    },

    async removeTagged(tags) {
      await mkdir(tagsFolder, { recursive: true })
      const now = String(Date.now())
      await Promise.all(tags.map((tag) => writeWhole(tagFile(tag), now)))
    },
  }
}

/** @param {any} value an entry's value: a page's HTML and payloads, or a route's body @returns {number} */
function bytesOf(value) {
  let bytes =
    (value?.html?.length ?? 0) + (value?.rscData?.length ?? 0) + (value?.body?.length ?? 0)
  for (const segment of value?.segmentData?.values() ?? []) bytes += segment.length
  return bytes
}

/**
 * The pages last read or written, kept in memory up to `maxBytes` (the least recently used
 * dropped first), as Next's own file-system cache keeps them: a busy page is then served without
 * reading and parsing its file each time. Each server keeps its own copies, as with Next's cache:
 * a page another server renders reaches this one once its own copy is stale and rendered again.
 * @param {import('./handler.mjs').Store} store @param {number} maxBytes
 * @returns {import('./handler.mjs').Store}
 */
export function withMemory(store, maxBytes) {
  /** @type {Map<string, { entry: import('./handler.mjs').Entry & { tags?: string[] }, bytes: number }>} */
  const kept = new Map()
  let total = 0
  const drop = (/** @type {string} */ key) => {
    total -= kept.get(key)?.bytes ?? 0
    kept.delete(key)
  }
  const keep = (/** @type {string} */ key, /** @type {any} */ entry) => {
    drop(key)
    const bytes = bytesOf(entry.value)
    if (bytes > maxBytes) return
    kept.set(key, { entry, bytes })
    total += bytes
    for (const oldest of kept.keys()) {
      if (total <= maxBytes) break
      drop(oldest)
    }
  }
  return {
    async read(key) {
      const hit = kept.get(key)
      if (hit) {
        kept.delete(key)
        kept.set(key, hit)
        return hit.entry
      }
      const entry = await store.read(key)
      if (entry) keep(key, entry)
      return entry
    },
    async write(key, entry) {
      await store.write(key, entry)
      keep(key, entry)
    },
    async remove(key) {
      drop(key)
      await store.remove(key)
    },
    async removeTagged(tags) {
      for (const [key, { entry }] of kept)
        if (entry.tags?.some((tag) => tags.includes(tag))) drop(key)
      await store.removeTagged(tags)
    },
  }
}

/** Next's `cacheMaxMemorySize` (50 MB unless next.config says otherwise; 0 keeps none). */
const memoryBudget = (/** @type {any} */ options) =>
  typeof options?.maxMemoryCacheSize === 'number' ? options.maxMemoryCacheSize : 50 * 1024 * 1024

/** One store per process: Next makes a handler per request. */
let store = /** @type {import('./handler.mjs').Store | undefined} */ (undefined)

export default createCacheHandler(
  (options) => (store ??= withMemory(fileSystemStore(pagesFolder()), memoryBudget(options))),
)
