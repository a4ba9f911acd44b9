import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './support/test'
import { flagship } from './support/fixtures'
import { startServer } from './support/servers'
import { pgliteDir } from '../lib/db'
import { openPglite } from '../lib/db/pglite'

/**
 * A deploy stops the server (SIGTERM) while readers' beacons arrive: every view it answered 202
 * is in the database afterwards, though views are stored a second after their beacon. On the
 * embedded database, which only the stopped server can have written.
 */
test('a server stopped while beacons arrive stores every view it accepted, then exits', async () => {
  test.setTimeout(120_000)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-stop-'))
  try {
    const server = await startServer({ DATA_DIR: dataDir })
    // As the page's script sends it; each reader from an address of their own (the per-visitor
    // limit), on a connection of its own closed after the answer, so that nothing but the stop
    // itself keeps the server from exiting at once.
    const beacon = (n: number) =>
      new Promise<number>((resolve) => {
        const body = JSON.stringify({ p: flagship.url, q: '?utm_source=stop-test', r: '', w: 1280 })
        const request = http.request(`${server.base}/api/analytics`, {
          method: 'POST',
          agent: false,
          headers: {
            origin: server.base,
            connection: 'close',
            'content-type': 'text/plain;charset=UTF-8',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36',
            'x-forwarded-for': `10.77.${n >> 8}.${n & 255}`,
          },
        })
        request.on('response', (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        // Refused or cut off once the server stopped listening: not accepted, not counted.
        request.on('error', () => resolve(0))
        request.end(body)
      })
    // The first beacon opens the database and its batch.
    expect(await beacon(0)).toBe(202)
    // Then a burst, and the signal as soon as the first of it is answered: the rest are running
    // or still arriving when the server stops.
    const burst = Array.from({ length: 200 }, (_, i) => beacon(i + 1))
    await Promise.race(burst)
    const stopped = Date.now()
    await server.stop('SIGTERM')
    const stopMs = Date.now() - stopped
    const answers = [202, ...(await Promise.all(burst))]
    const accepted = answers.filter((status) => status === 202).length
    expect(answers.filter((status) => status !== 202 && status !== 0)).toEqual([])

    const db = await openPglite(pgliteDir(dataDir))
    try {
      const [row] = await db.query<{ n: number }>(
        `select count(*)::int as n from analytics_events where utm_source = 'stop-test'`,
      )
      expect(row?.n, `${accepted} beacons answered 202`).toBe(accepted)
    } finally {
      await db.close()
    }
    expect(server.log()).toContain('stopping: the site')
    expect(server.log()).toMatch(/\nstopped\n/)
    expect(server.log()).not.toMatch(/stopping: (gave up|.* failed)/)
    expect(stopMs).toBeLessThan(8_000)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
