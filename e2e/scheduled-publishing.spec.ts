import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { copyProject } from '../scripts/project-copy'

/**
 * A piece scheduled a few seconds ahead goes live on its own, with no rebuild: this
 * builds a copy of the site whose content holds one more review, publishAt = soon.
 */
const root = process.cwd()
const work = path.join(root, '.scheduled-e2e')
const PORT = 3260
const base = `http://127.0.0.1:${PORT}`
const slug = 'scheduled-soon-e2e'
const LEAD_SECONDS = Number(process.env.SCHEDULE_LEAD_SECONDS ?? 200)

let server: ChildProcess | undefined

test.afterAll(() => {
  server?.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

test('a scheduled review appears within a minute of its time, without a rebuild', async ({ request }) => {
  test.setTimeout((LEAD_SECONDS + 240) * 1000)
  copyProject(root, work)
  const publishAt = new Date(Date.now() + LEAD_SECONDS * 1000)
  const flagship = readFileSync(path.join(root, 'content/reviews/ballerina-2025.mdx'), 'utf8')
  writeFileSync(
    path.join(work, 'content/reviews', `${slug}.mdx`),
    flagship
      .replace(/^headline: .*$/m, "headline: 'Scheduled Soon: a piece that publishes itself'")
      .replace(/^date: .*$/m, `date: ${publishAt.toISOString()}`)
      .replace(/^redirectFrom: .*\n/m, ''),
  )

  const build = spawnSync('npm', ['run', 'build'], { cwd: work, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  expect(build.status, build.stderr + build.stdout.slice(-2000)).toBe(0)
  server = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: work, stdio: 'ignore' })
  await expect.poll(async () => (await request.get(base).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200)

  expect(Date.now(), `the build took longer than the ${LEAD_SECONDS}s lead; raise SCHEDULE_LEAD_SECONDS`).toBeLessThan(publishAt.getTime() - 5000)
  expect((await request.get(`${base}/reviews/${slug}`)).status()).toBe(404)
  expect(await (await request.get(`${base}/reviews`)).text()).not.toContain(slug)

  await new Promise((resolve) => setTimeout(resolve, publishAt.getTime() - Date.now()))
  const live = Date.now()
  await expect
    .poll(async () => (await request.get(`${base}/reviews/${slug}`)).status(), { timeout: 75_000, intervals: [2_000] })
    .toBe(200)
  await expect.poll(async () => (await request.get(`${base}/reviews`)).text(), { timeout: 75_000, intervals: [2_000] }).toContain(slug)
  expect(Date.now() - live).toBeLessThan(75_000)
})
