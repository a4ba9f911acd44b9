import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './test'
import { openStore } from '../lib/newsletter/store'
import { imageAllocatorSettings } from '../scripts/start-settings'
import { flagship } from './fixtures'
import { expectedScriptPolicy } from './policy'
import { buildBeside, signUp, signupForm, startServer } from './servers'

/**
 * The deployable the Dockerfile ships: a standalone build (beside the suite's own `.next`),
 * finished by `npm run standalone:assemble` and run as `node server.js` from its own folder
 * with the image's allocator settings, and nothing from the project around it but what the build
 * traced in.
 */
const distDir = '.next-standalone'

test('a standalone build serves pages (older reviews and listings rendered on first request), link cards, images, search and signups on its own', async () => {
  test.setTimeout(300_000)
  // A developer's outbox (readers' addresses) and embedded database lie where the defaults write
  // them: the build must not trace them in. Planted where there are none, and taken away again.
  const hadData = existsSync('data')
  const decoys = [
    path.join('data', 'outbox', `standalone-decoy-${Date.now()}.eml`),
    path.join('data', 'newsletter-decoy', 'PG_VERSION'),
  ]
  const planted = decoys.map((file) => {
    const folder = path.dirname(file)
    const had = existsSync(folder)
    mkdirSync(folder, { recursive: true })
    writeFileSync(file, 'To: reader@example.com\r\n\r\nNot for a deployment.\r\n')
    return had ? file : folder
  })
  try {
    // Only the newest two reviews prerendered: the flagship is older, so it renders on first request.
    buildBeside(distDir, { NEXT_OUTPUT: 'standalone', PRERENDERED_REVIEWS: '2' })
  } finally {
    // Only what this test made: never a developer's database beside it.
    for (const made of hadData ? planted : ['data']) rmSync(made, { recursive: true, force: true })
  }
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
  // `npm run build`'s last step, as in the image: brotli copies of the built scripts.
  const precompress = spawnSync(process.execPath, ['scripts/precompress.mjs'], {
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    encoding: 'utf8',
  })
  expect(precompress.status, precompress.stderr).toBe(0)
  const assemble = spawnSync('npm', ['run', '--silent', 'standalone:assemble'], {
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    encoding: 'utf8',
  })
  expect(assemble.status, assemble.stderr).toBe(0)
  const serverJs = assemble.stdout.trim()
  const folder = path.dirname(serverJs)
  // Nothing but the server, its traced modules and what assemble adds: no sources, no data.
  for (const absent of ['app', 'data', '.e2e-data', 'e2e'])
    expect(existsSync(path.join(folder, absent)), absent).toBe(false)
  // Of the content, only the staff list, which staff sign-in reads on every request, and the
  // indexes Contentlayer made of the rest, which lib/content parses at run time.
  expect(readdirSync(path.join(folder, 'content'))).toEqual(['staff.yaml'])
  for (const type of ['Review', 'Film', 'Critic', 'Issue'])
    expect(readdirSync(path.join(folder, '.contentlayer/generated', type))).toEqual(['_index.json'])

  // Run from a copy outside the project, as the image runs it: nothing it needs may come from
  // the project's own node_modules (module resolution climbs parent folders).
  const deployed = mkdtempSync(path.join(tmpdir(), 'intertitle-deployed-'))
  cpSync(folder, deployed, { recursive: true, verbatimSymlinks: true })
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-standalone-'))
  const server = await startServer(
    { DATA_DIR: dataDir, ...imageAllocatorSettings() },
    deployed,
    path.join(deployed, 'server.js'),
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
      readFileSync(path.join(deployed, distDir, script!.replace('/_next/', '')), 'utf8'),
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
