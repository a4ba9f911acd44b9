import { rmSync } from 'node:fs'
import { expect, test } from './support/test'
import { startServer, type Server } from './support/servers'
import { deployStandaloneCopy, readStandaloneCopy, standaloneCopy } from './support/standalone-copy'

/** The copy built by standalone-copy.setup.ts goes live on its own at publishAt, with no rebuild. */
let server: Server | undefined
let folder = ''

test.afterAll(async () => {
  await server?.stop()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

test('a scheduled review appears within a minute of its time, without a rebuild', async ({
  request,
}) => {
  const publishAt = new Date(readStandaloneCopy().publishAt).getTime()
  test.setTimeout(Math.max(0, publishAt - Date.now()) + 240_000)
  const deployed = deployStandaloneCopy()
  folder = deployed.folder
  server = await startServer({}, folder, deployed.serverJs)
  const base = server.base

  expect(
    Date.now(),
    `the build took longer than the ${standaloneCopy.leadSeconds}s lead; raise SCHEDULE_LEAD_SECONDS`,
  ).toBeLessThan(publishAt - 5000)
  const url = `${base}/reviews/${standaloneCopy.slug}`
  expect((await request.get(url)).status()).toBe(404)
  expect(await (await request.get(`${base}/reviews`)).text()).not.toContain(standaloneCopy.slug)

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
    .toContain(standaloneCopy.slug)
  expect(Date.now() - live).toBeLessThan(75_000)
})
