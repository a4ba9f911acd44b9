// @ts-check
/**
 * Renders the build's prerendered pages into the page cache once, after the server starts: Next
 * keeps the pages it prerendered at build for its own cache and gives a cache handler of ours only
 * what it renders at run time (docs/decisions/0004). The list is the build adapter's
 * (./adapter.mjs). One server claims it, so several sharing a build folder render each page once;
 * a server stopped halfway leaves the rest to render on their first request, as any page would.
 */
import { running } from '../system/processes.mjs'
import { basename, dirname, join, readFile, readdir, rename, rm } from './files.mjs'

/** Where the build adapter leaves the list, in the build's folder. @param {string} distDir */
export const warmListFile = (distDir) => join(distDir, 'cache', 'pages-to-warm.json')

/**
 * Whether the build's pages are still to be rendered into the cache: the list is there, or a
 * server still running has claimed it (a claim left by a killed one is not waited for).
 * @param {string} distDir
 */
export async function warming(distDir) {
  const list = warmListFile(distDir)
  const names = await readdir(dirname(list)).catch(() => /** @type {string[]} */ ([]))
  return names.some(
    (name) =>
      name === basename(list) ||
      (name.startsWith(`${basename(list)}.`) &&
        running(Number(name.slice(basename(list).length + 1)))),
  )
}

/**
 * The address a server can reach itself at, from where it listens (any address: loopback).
 * @param {import('node:net').AddressInfo} address
 */
export function originOf({ address, family, port }) {
  if (family === 'IPv6') return `http://[${address === '::' ? '::1' : address}]:${port}`
  return `http://${address === '0.0.0.0' ? '127.0.0.1' : address}:${port}`
}

/**
 * Asks the server for each page in turn, as a reader would (through the front door), one at a
 * time so readers arriving meanwhile wait for at most one render.
 * @param {{ origin: string, distDir: string, signal?: AbortSignal }} options
 * @returns {Promise<number>} how many pages were rendered (0: another server had the list, or none)
 */
export async function warmPages({ origin, distDir, signal }) {
  const list = warmListFile(distDir)
  const claimed = `${list}.${process.pid}`
  try {
    await rename(list, claimed)
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return 0
    throw error
  }
  let rendered = 0
  try {
    const paths = /** @type {string[]} */ (JSON.parse(await readFile(claimed, 'utf8')))
    for (const pathname of paths) {
      if (signal?.aborted) break
      const response = await fetch(new URL(pathname, origin), { signal })
      await response.arrayBuffer()
      rendered += 1
    }
  } catch (error) {
    // Stopped in the middle of a page: the rest render on their first request.
    if (!signal?.aborted) throw error
  } finally {
    await rm(claimed, { force: true })
  }
  return rendered
}
