import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './support/test'
import { openStore } from '../lib/newsletter/store'
import { imageAllocatorSettings } from '../scripts/start-settings'
import { flagship } from './support/fixtures'
import { expectedScriptPolicy } from './support/policy'
import { signUp, signupForm, startServer } from './support/servers'
import { deployStandaloneCopy, readStandaloneCopy } from './support/standalone-copy'
import { warming, warmListFile } from '../lib/page-cache/warm.mjs'

/**
 * The deployable the Dockerfile ships: the suite's standalone copy of the site
 * (./standalone-copy.setup.ts: `npm run build:standalone`, only the newest two reviews
 * prerendered), run as `node server.js` from a folder of its own with the image's allocator
 * settings, and nothing from the project around it but what the build traced in.
 */
test('a standalone build serves pages (older reviews and listings rendered on first request), link cards, images, search and signups on its own', async () => {
  test.setTimeout(120_000)
  const copy = readStandaloneCopy()
  // What the build prerendered, as its adapter listed it for the server to render into the page
  // cache as it starts (lib/page-cache/adapter.mjs, warm.mjs): Next hands a cache handler of the
  // site's own only the pages it renders later.
  const toWarm = JSON.parse(
    readFileSync(warmListFile(path.join(copy.dir, '.next')), 'utf8'),
  ) as string[]
  const built = (folder: string) =>
    toWarm.filter((p) => p.startsWith(`/${folder}/`) && !p.slice(folder.length + 2).includes('/'))
  expect(built('reviews')).toHaveLength(2)
  expect(built('reviews')).not.toContain(flagship.url)
  expect(toWarm).toContain('/')
  // Listings likewise: the pages that show those two are built, the flagship's film and critic
  // pages (older reviews only) are left to their first request.
  expect(built('films')).toHaveLength(2)
  expect(built('critics')).toHaveLength(2)
  expect(built('films')).not.toContain(flagship.film.url)
  expect(built('critics')).not.toContain(flagship.critic.url)
  const folder = path.dirname(copy.serverJs)
  // Nothing but the server, its traced modules and what assemble adds: no sources, and not the
  // outbox and database the setup planted in the copy's data/ before building.
  expect(existsSync(path.join(copy.dir, 'data/outbox'))).toBe(true)
  for (const absent of ['app', 'data', '.e2e-data', 'e2e', 'tsconfig.json'])
    expect(existsSync(path.join(folder, absent)), absent).toBe(false)
  // The page cache's modules are traced in, and nothing else of their folder (lib/page-cache/files.mjs).
  expect(
    readdirSync(path.join(folder, 'lib/page-cache')).filter((f) => f.includes('.test.')),
  ).toEqual([])
  // Of the content, only the staff list, which staff sign-in reads on every request, and the
  // indexes Contentlayer made of the rest, which lib/content parses at run time.
  expect(readdirSync(path.join(folder, 'content'))).toEqual(['staff.yaml'])
  for (const type of ['Review', 'Film', 'Critic', 'Issue'])
    expect(readdirSync(path.join(folder, '.contentlayer/generated', type))).toEqual(['_index.json'])

  // Run from a copy outside the project, as the image runs it.
  const { folder: deployed, serverJs } = deployStandaloneCopy()
  expect(existsSync(warmListFile(path.join(deployed, '.next')))).toBe(true)
  const newest = built('reviews')[0]!
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-standalone-'))
  const server = await startServer(
    { DATA_DIR: dataDir, ...imageAllocatorSettings() },
    deployed,
    serverJs,
  )
  try {
    const get = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${server.base}${url}`, { headers })
    // The server claims the list, renders each page into the cache, then removes it.
    const cache = path.join(deployed, '.next/cache')
    await expect.poll(() => warming(path.join(deployed, '.next')), { timeout: 90_000 }).toBe(false)
    const entries = readdirSync(path.join(cache, 'pages')).filter((f) => f.endsWith('.json'))
    expect(entries.length).toBeGreaterThanOrEqual(toWarm.length)
    const warmed = await get(newest)
    expect(warmed.status).toBe(200)
    expect(warmed.headers.get('x-nextjs-cache'), 'rendered as the server started').toBe('HIT')
    expect(warmed.headers.get('etag')).toBeTruthy()
    expect(warmed.headers.get('content-security-policy')).toContain(
      expectedScriptPolicy(await warmed.text()),
    )

    const page = await get(flagship.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('x-nextjs-cache')).toBe('MISS')
    const html = await page.text()
    expect(html).toContain(flagship.headline)
    const again = await get(flagship.url)
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT')
    // Rendered on request and then cached, the page carries the hashes of its own scripts both times.
    for (const response of [page, again])
      expect(response.headers.get('content-security-policy')).toContain(expectedScriptPolicy(html))
    expect(await again.text()).toContain(flagship.headline)
    for (const listing of [flagship.film.url, flagship.critic.url]) {
      const first = await get(listing)
      expect(first.status, listing).toBe(200)
      expect(first.headers.get('x-nextjs-cache'), listing).toBe('MISS')
      expect(await first.text(), listing).toContain(flagship.headline)
      expect((await get(listing)).headers.get('x-nextjs-cache'), listing).toBe('HIT')
    }
    expect((await get('/films/no-such-film')).status).toBe(404)
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.status).toBe(200)
    expect(await sitemap.text()).toContain(`${flagship.url}</loc>`)

    const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeTruthy()
    const chunk = await get(script ?? '', { 'accept-encoding': 'br' })
    expect(chunk.status).toBe(200)
    expect(chunk.headers.get('content-encoding')).toBe('br')
    expect(await chunk.text()).toBe(
      readFileSync(path.join(deployed, '.next', script!.replace('/_next/', '')), 'utf8'),
    )
    const still = /srcSet="(\/_next\/image\?[^" ]+)/.exec(html)?.[1]?.replace(/&amp;/g, '&')
    const image = await get(still ?? '', { accept: 'image/avif,image/webp,*/*' })
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toMatch(/^image\//)

    const card = await get(`${flagship.url}/opengraph-image`)
    expect(card.status).toBe(200)
    expect(card.headers.get('content-type')).toBe('image/png')
    expect((await get('/pagefind/pagefind.js')).status).toBe(200)
    expect((await get('/reviews/no-such-review')).status).toBe(404)

    const answer = await signUp(
      server.base,
      await signupForm(server.base),
      'standalone@example.com',
    )
    expect(answer.status).toBe(200)
    expect(answer.thanked, answer.text.slice(0, 500)).toBe(true)
    // The worker, in the server's process, sends the confirmation it owed into the outbox folder
    // (made with the first email).
    const outbox = path.join(dataDir, 'outbox')
    await expect
      .poll(() => (existsSync(outbox) ? readdirSync(outbox).length : 0), { timeout: 30_000 })
      .toBe(1)
  } finally {
    await server.stop()
    rmSync(deployed, { recursive: true, force: true })
  }
  // Its embedded database made in a child process too (lib/db/pglite.ts says so if it cannot).
  expect(server.log()).not.toMatch(/error|warn/i)
  const store = await openStore({ dataDir })
  try {
    const emails: string[] = []
    for await (const s of store.list()) emails.push(s.email)
    expect(emails).toEqual(['standalone@example.com'])
  } finally {
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
