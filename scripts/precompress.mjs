/**
 * The last step of `npm run build`: a brotli copy (`<file>.br`, quality 11) beside each script
 * and stylesheet Next built, which the front door sends to browsers that take brotli
 * (lib/built-files.ts). Next gzips them as it sends them; brotli at its strongest, affordable
 * once per build, is ~12% smaller on the review page's first-load scripts and a quarter smaller
 * on the editor's. Reads the build in NEXT_DIST_DIR (default `.next`).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress } from 'node:zlib'
import { strongest } from '../lib/page-cache/brotli.mjs'

const compress = promisify(brotliCompress)
const folder = path.join(process.env.NEXT_DIST_DIR || '.next', 'static')
const files = (await readdir(folder, { recursive: true })).filter((f) => /\.(?:js|css)$/.test(f))
let before = 0
let after = 0
await Promise.all(
  files.map(async (file) => {
    const source = await readFile(path.join(folder, file))
    const body = await compress(source, strongest(source.length))
    await writeFile(path.join(folder, `${file}.br`), body)
    before += source.length
    after += body.length
  }),
)
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`
console.log(`Brotli: ${files.length} built scripts and stylesheets, ${kb(before)} → ${kb(after)}`)
