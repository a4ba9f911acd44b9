/**
 * Finishes a standalone build (`NEXT_OUTPUT=standalone next build`): copies in what Next leaves
 * out of `<distDir>/standalone`: the static assets and public/ (link-card stills included), the
 * staff list (read on every staff request), the list of pages to render into the page cache at start
 * (lib/page-cache/warm.mjs), and the site's server: server.mjs and the modules it
 * imports, and a next.config.mjs holding what the project's evaluated to at build time (Next's
 * server, started by ours, loads it; its functions, the redirects, are already in the build). The
 * page cache's handler stays the one the build chose (ISR_CACHE). Prints the path of that server:
 * the folder is then the whole deployable, `node server.mjs`. (Next's own server.js in the folder
 * is not used: it would skip the front door, docs/decisions/0001.)
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { warmListFile } from '../lib/page-cache/warm.mjs'
import nextConfig from '../next.config.mjs'

const distDir = process.env.NEXT_DIST_DIR || '.next'
const folder = path.join(distDir, 'standalone')

if (!existsSync(path.join(folder, 'server.js'))) {
  console.error(`No standalone server in ${folder}: build with NEXT_OUTPUT=standalone first.`)
  process.exit(1)
}
cpSync(path.join(distDir, 'static'), path.join(folder, distDir, 'static'), { recursive: true })
cpSync('public', path.join(folder, 'public'), { recursive: true })
const staffList = path.join(process.env.CONTENT_DIR ?? 'content', 'staff.yaml')
cpSync(staffList, path.join(folder, staffList))
// The pages the build prerendered, which the server renders into its page cache as it starts.
const warmList = warmListFile(distDir)
if (existsSync(warmList)) cpSync(warmList, warmListFile(path.join(folder, distDir)))

// `output` and the build adapter were the build's business; the cache handler is named from the
// folder it runs in.
const { cacheHandler, ...config } = { ...nextConfig, output: undefined, adapterPath: undefined }
const handler = cacheHandler ? path.relative(process.cwd(), cacheHandler) : undefined
writeFileSync(
  path.join(folder, 'next.config.mjs'),
  [
    '// Written by scripts/standalone.ts: next.config.mjs as the build evaluated it.',
    `const config = ${JSON.stringify(config, null, 2)}`,
    handler
      ? `config.cacheHandler = new URL(${JSON.stringify(`./${handler}`)}, import.meta.url).pathname`
      : '',
    'export default config',
    '',
  ].join('\n'),
)

/** Copies a plain-JavaScript module and every module it imports by a relative path, transitively. */
function copyWithImports(file: string, seen = new Set<string>()): void {
  if (seen.has(file)) return
  seen.add(file)
  mkdirSync(path.dirname(path.join(folder, file)), { recursive: true })
  cpSync(file, path.join(folder, file))
  const source = readFileSync(file, 'utf8')
  for (const [, specifier] of source.matchAll(
    /^\s*(?:import|export)\b[^'"]*['"](\.\.?\/[^'"]+)['"]/gm,
  ))
    copyWithImports(path.normalize(path.join(path.dirname(file), specifier!)), seen)
}
copyWithImports('server.mjs')
console.log(path.resolve(folder, 'server.mjs'))
