import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { expect, test } from './test'
import { schedule, type Schedule } from './schedule'

/** The copy built by scheduled-build.setup.ts goes live on its own at publishAt, with no rebuild. */
const PORT = 3260
const base = `http://127.0.0.1:${PORT}`
let server: ChildProcess | undefined

test.afterAll(() => {
  server?.kill('SIGTERM')
  rmSync(schedule.dir, { recursive: true, force: true })
})

test('a scheduled review appears within a minute of its time, without a rebuild', async ({
  request,
}) => {
  const publishAt = new Date(
    (JSON.parse(readFileSync(schedule.file, 'utf8')) as Schedule).publishAt,
  ).getTime()
  test.setTimeout(Math.max(0, publishAt - Date.now()) + 240_000)
  server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'],
    { cwd: schedule.dir, stdio: 'ignore' },
  )
  await expect
    .poll(async () => (await request.get(base).catch(() => null))?.status(), { timeout: 30_000 })
    .toBe(200)

  expect(
    Date.now(),
    `the build took longer than the ${schedule.leadSeconds}s lead; raise SCHEDULE_LEAD_SECONDS`,
  ).toBeLessThan(publishAt - 5000)
  const url = `${base}/reviews/${schedule.slug}`
  expect((await request.get(url)).status()).toBe(404)
  expect(await (await request.get(`${base}/reviews`)).text()).not.toContain(schedule.slug)

  await new Promise((resolve) => setTimeout(resolve, publishAt - Date.now()))
  const live = Date.now()
  await expect
    .poll(async () => (await request.get(url)).status(), { timeout: 75_000, intervals: [2_000] })
    .toBe(200)
  await expect
    .poll(async () => (await request.get(`${base}/reviews`)).text(), {
      timeout: 75_000,
      intervals: [2_000],
    })
    .toContain(schedule.slug)
  expect(Date.now() - live).toBeLessThan(75_000)
})
