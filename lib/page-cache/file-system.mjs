// @ts-check
/**
 * Next's own file-system cache of pages and route responses (ISR), with one addition: every page
 * carries its script policy (lib/security/policy.mjs) and its ETag (./etag.mjs), whether the build
 * prerendered it or a request rendered it. The cache handler in production; ISR_CACHE=postgres
 * swaps in lib/page-cache/postgres.mjs, which does the same. It extends a class internal to Next (pinned in
 * package.json): the suite's header and browser tests fail if an upgrade changes it.
 */
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { withScriptPolicy } from '../security/policy.mjs'
import { withEtag } from './etag.mjs'

/** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache').default} */
const FileSystemCache = /** @type {any} */ (fileSystemCache).default ?? fileSystemCache

export default class PolicyFileSystemCache extends FileSystemCache {
  /** @type {InstanceType<typeof FileSystemCache>['get']} */
  async get(key, ctx) {
    const entry = await super.get(key, ctx)
    if (entry?.value) withEtag(withScriptPolicy(entry.value))
    return entry
  }

  /** @type {InstanceType<typeof FileSystemCache>['set']} */
  async set(key, data, ctx) {
    withEtag(withScriptPolicy(data))
    // A 404 is not kept, as in the shared cache: anyone can ask for endless made-up review URLs,
    // and each would otherwise stay on disk. It is rendered again when asked for.
    if (data && 'status' in data && data.status === 404) return
    return super.set(key, data, ctx)
  }
}
