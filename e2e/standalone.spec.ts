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

/**
 * The deployable the Dockerfile ships: the suite's standalone copy of the site
 * (./standalone-copy.setup.ts: `npm run build:standalone`, only the newest two reviews
 * prerendered), run as `node server.js` from a folder of its own with the image's allocator
 * settings, and nothing from the project around it but what the build traced in.
 */
test('a standalone build serves pages (older reviews and listings rendered on first request), link cards, images, search and signups on its own', async () => {
  test.setTimeout(120_000)
  const copy = readStandaloneCopy()
  const distDir = path.join(copy.dir, '.next')
  const prerendered = readdirSync(path.join(distDir, 'server/app/reviews')).filter((f) =>
    f.endsWith('.html'),
  )
  expect(prerendered).toHaveLength(2)
  expect(prerendered).not.toContain(`${path.basename(flagship.url)}.html`)
  // Listings likewise: the pages that show those two are built, the flagship's film and critic
  // pages (older reviews only) are left to their first request.
  const built = (folder: string) =>
    readdirSync(path.join(distDir, 'server/app', folder)).filter((f) => f.endsWith('.html'))
  expect(built('films')).toHaveLength(2)
  expect(built('critics')).toHaveLength(2)
  expect(built('films')).not.toContain(`${path.basename(flagship.film.url)}.html`)
  expect(built('critics')).not.toContain(`${path.basename(flagship.critic.url)}.html`)
  const folder = path.dirname(copy.serverJs)
  // Nothing but the server, its traced modules and what assemble adds: no sources, and not the
  // outbox and database the setup planted in the copy's data/ before building.
  expect(existsSync(path.join(copy.dir, 'data/outbox'))).toBe(true)
  for (const absent of ['app', 'data', '.e2e-data', 'e2e'])
    expect(existsSync(path.join(folder, absent)), absent).toBe(false)
  // Of the content, only the staff list, which staff sign-in reads on every request, and the
  // indexes Contentlayer made of the rest, which lib/content parses at run time.
  expect(readdirSync(path.join(folder, 'content'))).toEqual(['staff.yaml'])
  for (const type of ['Review', 'Film', 'Critic', 'Issue'])
    expect(readdirSync(path.join(folder, '.contentlayer/generated', type))).toEqual(['_index.json'])

  // Run from a copy outside the project, as the image runs it.
  const { folder: deployed, serverJs } = deployStandaloneCopy()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-standalone-'))
  const server = await startServer(
    { DATA_DIR: dataDir, ...imageAllocatorSettings() },
    deployed,
    serverJs,
  )
  try {
    const get = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${server.base}${url}`, { headers })
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
    // The worker, in the server's process, sends the confirmation it owed into the outbox folder.
    await expect
      .poll(() => readdirSync(path.join(dataDir, 'outbox')).length, { timeout: 20_000 })
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
