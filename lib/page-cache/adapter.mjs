// @ts-check
/**
 * The site's build adapter (next.config's `adapterPath`, Next's documented build-output
 * interface), run once as `next build` completes: empties the build's page cache (entries of an
 * earlier build never reach readers of this one) and writes the list of pages and routes Next
 * prerendered, which the site's server renders into its cache once after it starts (./warm.mjs):
 * Next gives a cache handler of our own only what it renders at run time.
 */
import { dirname, mkdir, rm, writeFile } from './files.mjs'
import { pagesFolder } from './file-system.mjs'
import { warmListFile } from './warm.mjs'

/**
 * Pages and route responses (feeds, sitemap, link cards) complete at build, by their address:
 * not the router's payloads (`.rsc`, segments), which render with their page, nor Next's own.
 * @param {ReadonlyArray<{ pathname: string, routeType?: string, response?: string }>} prerenders
 */
export function pathsToWarm(prerenders) {
  const paths = prerenders
    .filter((p) => (p.routeType === 'page' || p.routeType === 'route') && p.response === 'complete')
    .map((p) => p.pathname)
    .filter((pathname) => !pathname.endsWith('.rsc') && !pathname.startsWith('/_'))
  return [...new Set(paths)].sort()
}

/** @type {import('next').NextAdapter} */
const adapter = {
  name: 'intertitle',
  async onBuildComplete({ distDir, outputs }) {
    await rm(pagesFolder(distDir), { recursive: true, force: true })
    const list = warmListFile(distDir)
    await mkdir(dirname(list), { recursive: true })
    await writeFile(list, JSON.stringify(pathsToWarm(outputs.prerenders), null, 1))
  },
}

export default adapter
