import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen } from '@/scripts/testing/http'
import { registerBeaconCollector } from './beacon.mjs'
import { createFrontDoor } from './index.mjs'

/** The beacon step of the front door, on a real HTTP server in front of a stand-in for Next. */
describe('the front door and the analytics beacon', () => {
  const asked: string[] = []
  const next = (request: IncomingMessage, response: ServerResponse) => {
    asked.push(`${request.method} ${request.url}`)
    response.statusCode = 202
    response.end()
  }
  const server = http.createServer(
    createFrontDoor({ next, distDir: '/nonexistent', trustedProxies: 0 }),
  )
  beforeAll(() => listen(server))
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const { port } = server.address() as AddressInfo
        http
          .request(
            {
              host: '127.0.0.1',
              port,
              path,
              method: 'POST',
              headers: { 'content-type': 'text/plain', ...headers },
            },
            (res) => {
              let text = ''
              res.setEncoding('utf8').on('data', (c: string) => (text += c))
              res.on('end', () =>
                resolve({ status: res.statusCode!, headers: res.headers, body: text }),
              )
            },
          )
          .on('error', reject)
          .end(body)
      },
    )

  it("leaves the beacon to Next's route handler until the app registers its collector", async () => {
    asked.length = 0
    expect((await post('/api/analytics', '{}')).status).toBe(202)
    expect(asked).toEqual(['POST /api/analytics'])
  })

  it('then hands it, body and headers, to the collector, and Next never sees it', async () => {
    const seen: { body: string | undefined; origin: string | undefined }[] = []
    registerBeaconCollector(async (beacon) => {
      seen.push({ body: await beacon.readBody(), origin: beacon.headers.origin })
      return { status: 202, body: 'counted', headers: { 'cache-control': 'no-store' } }
    })
    asked.length = 0
    const answer = await post('/api/analytics', '{"p":"/"}', { origin: 'http://site.test' })
    expect(answer.status).toBe(202)
    expect(answer.body).toBe('counted')
    expect(answer.headers['cache-control']).toBe('no-store')
    // The table's headers, as on every answer of the site.
    expect(String(answer.headers['content-security-policy'])).toContain("script-src 'none'")
    expect(seen).toEqual([{ body: '{"p":"/"}', origin: 'http://site.test' }])
    // Other requests still go to Next.
    await post('/api/newsletter', 'x')
    expect(asked).toEqual(['POST /api/newsletter'])
  })

  it('does not read a body over 1 KB: the collector answers from the headers alone', async () => {
    const bodies: (string | undefined)[] = []
    registerBeaconCollector(async (beacon) => {
      bodies.push(await beacon.readBody())
      return { status: 413, body: null, headers: {} }
    })
    expect((await post('/api/analytics', 'x'.repeat(5000))).status).toBe(413)
    expect(bodies).toEqual([undefined])
  })

  it('answers 503 when the collector fails (its database down), never a stack', async () => {
    registerBeaconCollector(async () => {
      throw new Error('database down')
    })
    const answer = await post('/api/analytics', '{}')
    expect(answer.status).toBe(503)
    expect(answer.body).toBe('')
  })
})
