/**
 * `npm run preview-link -- <slug> [--hours N] [--by NAME]`: makes a share link for one review and
 * prints its URL. `--list` prints the live links; `--revoke ID` withdraws one.
 *
 * Links are recorded in the site database, so they can be revoked. With DATABASE_URL the command
 * writes there itself. On the embedded PGlite the running server holds the database (a second
 * opener would corrupt it), so the command asks that server instead, at SITE_URL or `--server URL`,
 * authenticated by PREVIEW_SECRET; with no server running it says so and changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import nextEnv from '@next/env'
import { parse } from 'yaml'
import { FRONTMATTER } from '../lib/content/frontmatter'
import { isPublished, type Publishable } from '../lib/content/publication.mjs'
import { DEFAULT_PREVIEW_HOURS } from '../lib/preview/signed-link'

nextEnv.loadEnvConfig(process.cwd())
const { env } = await import('../lib/env')
const { absoluteUrl } = await import('../lib/site')
const { createLink, liveLinks, revokeLink, MAX_LINK_SECONDS } = await import('../lib/preview/links')

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    hours: { type: 'string' },
    by: { type: 'string' },
    revoke: { type: 'string' },
    list: { type: 'boolean' },
    server: { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const usage =
  'Usage: npm run preview-link -- <slug> [--hours N] [--by NAME] | --list | --revoke ID [--server URL]'
const secret =
  env.PREVIEW_SECRET ??
  fail(
    'PREVIEW_SECRET is not set: preview is off. Set it in .env.local (16+ characters) or the environment.',
  )
const by = values.by ?? process.env.USER ?? 'npm run preview-link'

type Action =
  | { kind: 'create'; slug: string; seconds: number }
  | { kind: 'list' }
  | { kind: 'revoke'; id: string }

function action(): Action {
  if (values.list) return { kind: 'list' }
  if (values.revoke !== undefined) return { kind: 'revoke', id: values.revoke }
  const slug = positionals[0] ?? fail(usage)
  const hours = values.hours === undefined ? DEFAULT_PREVIEW_HOURS : Number(values.hours)
  const seconds = Math.round(hours * 3600)
  if (!Number.isFinite(hours) || seconds < 1 || seconds > MAX_LINK_SECONDS)
    fail(`--hours must be a positive number of at most ${MAX_LINK_SECONDS / 3600}`)
  const contentDir = process.env.CONTENT_DIR ?? 'content'
  const file = path.join(contentDir, 'reviews', `${slug}.mdx`)
  if (!existsSync(file)) fail(`No review "${slug}" in ${contentDir}/reviews/`)
  // The same rule as the site's: a published piece has its public address, and no share link.
  const frontmatter = FRONTMATTER.exec(readFileSync(file, 'utf8'))?.[1] ?? ''
  if (isPublished(parse(frontmatter) as Publishable))
    fail(`"${slug}" is published: share its public address instead`)
  return { kind: 'create', slug, seconds }
}

const todo = action()

type LinkOut = { id: string; slug: string; createdBy: string; expiresAt: string | Date }
const show = (l: LinkOut) =>
  `${l.id}  ${l.slug}  by ${l.createdBy}  until ${new Date(l.expiresAt).toISOString()}`

if (env.DATABASE_URL) {
  const { openDatabase } = await import('../lib/db')
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
  try {
    if (todo.kind === 'create') {
      const made = await createLink(db, secret, {
        slug: todo.slug,
        seconds: todo.seconds,
        createdBy: by,
      })
      console.log(absoluteUrl(made.path))
      console.error(`Link ${made.link.id}, valid until ${made.link.expiresAt.toISOString()}`)
    } else if (todo.kind === 'list') {
      for (const l of await liveLinks(db)) console.log(show(l))
    } else if (!(await revokeLink(db, todo.id, by))) {
      process.exitCode = 1
      console.error(`No live link ${todo.id}`)
    } else console.error(`Revoked ${todo.id}`)
  } finally {
    await db.close()
  }
} else {
  const server = values.server ?? env.SITE_URL
  const api = (p: string) => new URL(p, server).toString()
  const call = async (p: string, init?: RequestInit) => {
    let response: Response
    try {
      response = await fetch(api(p), {
        ...init,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      })
    } catch {
      fail(
        `The embedded database is held by the site's server, and no server answers at ${server}.\n` +
          'Start it (npm run dev or npm start) and run this again, pass --server URL, or set DATABASE_URL.',
      )
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    if (!response.ok) fail(`${server} refused: ${String(body.error ?? response.status)}`)
    return body
  }
  if (todo.kind === 'create') {
    const body = await call('/api/preview/links', {
      method: 'POST',
      body: JSON.stringify({ slug: todo.slug, seconds: todo.seconds, createdBy: by }),
    })
    const link = body.link as LinkOut
    console.log(String(body.url))
    console.error(`Link ${link.id}, valid until ${new Date(link.expiresAt).toISOString()}`)
  } else if (todo.kind === 'list') {
    for (const l of (await call('/api/preview/links')).links as LinkOut[]) console.log(show(l))
  } else {
    await call('/api/preview/links/revoke', {
      method: 'POST',
      body: JSON.stringify({ id: todo.id, revokedBy: by }),
    })
    console.error(`Revoked ${todo.id}`)
  }
}
