/**
 * Finishes a standalone build (`NEXT_OUTPUT=standalone next build`): copies in what Next leaves
 * out of `<distDir>/standalone` (the static assets and public/, link-card stills included) and
 * prints the path of its server.js. The folder is then the whole deployable: `node server.js`.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

const distDir = process.env.NEXT_DIST_DIR || '.next'
const standalone = path.join(distDir, 'standalone')

/** server.js sits at the top, or deeper when the tracing root is a folder above the project. */
function serverFolder(dir: string): string | undefined {
  if (existsSync(path.join(dir, 'server.js'))) return dir
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue
    const found = serverFolder(path.join(dir, entry.name))
    if (found) return found
  }
  return undefined
}

const folder = existsSync(standalone) ? serverFolder(standalone) : undefined
if (!folder) {
  console.error(`No standalone server in ${standalone}: build with NEXT_OUTPUT=standalone first.`)
  process.exit(1)
}
cpSync(path.join(distDir, 'static'), path.join(folder, distDir, 'static'), { recursive: true })
cpSync('public', path.join(folder, 'public'), { recursive: true })
console.log(path.resolve(folder, 'server.js'))
