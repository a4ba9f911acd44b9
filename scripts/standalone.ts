/**
 * Finishes a standalone build (`NEXT_OUTPUT=standalone next build`): copies in what Next leaves
 * out of `<distDir>/standalone` (the static assets and public/, link-card stills included, and the
 * staff list, read on every staff request) and prints the path of its server.js. The folder is then the whole deployable: `node server.js`.
 */
import { cpSync, existsSync } from 'node:fs'
import path from 'node:path'

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
console.log(path.resolve(folder, 'server.js'))
