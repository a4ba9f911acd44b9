/** `npm run preview-link -- <slug> [--hours N]`: prints a signed preview URL for a review. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import nextEnv from '@next/env'
import { DEFAULT_PREVIEW_HOURS, previewPath, previewToken } from '../lib/preview/signed-link'

nextEnv.loadEnvConfig(process.cwd())
const { env } = await import('../lib/env')
const { absoluteUrl } = await import('../lib/site')

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { hours: { type: 'string' } },
})
const slug = positionals[0]
const hours = values.hours === undefined ? DEFAULT_PREVIEW_HOURS : Number(values.hours)

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

if (!slug) fail('Usage: npm run preview-link -- <slug> [--hours N]')
if (!Number.isFinite(hours) || hours <= 0) fail('--hours must be a positive number')
if (!env.PREVIEW_SECRET)
  fail(
    'PREVIEW_SECRET is not set: preview is off. Set it in .env.local (16+ characters) or the environment.',
  )
const contentDir = process.env.CONTENT_DIR ?? 'content'
if (!existsSync(path.join(contentDir, 'reviews', `${slug}.mdx`)))
  fail(`No review "${slug}" in ${contentDir}/reviews/`)

const token = previewToken(slug, env.PREVIEW_SECRET, hours)
console.log(absoluteUrl(previewPath(token)))
console.error(`Valid until ${new Date(token.exp * 1000).toISOString()}`)
