import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, rawRequest } from '@/scripts/testing/http'
import { pageEtag } from '../page-cache/etag.mjs'
import { answerClientError, createFrontDoor } from './index.mjs'

/**
 * The front door in front of a stand-in for Next on a real HTTP server: what reaches Next, in
 * what shape, and what every answer carries whoever writes it.
 */
describe('the front door', () => {
  const page = '<!doctype html><p>A page</p>'
  const seen: { url?: string; policy?: string }[] = []
  /** Answers as Next would: a page with its ETag, a 404 page, or the request's policy echoed. */
  const next = (request: IncomingMessage, response: ServerResponse) => {
    seen.push({ url: request.url, policy: request.headers['content-security-policy'] as string })
    response.setHeader('content-type', 'text/html; charset=utf-8')
    if (request.url === '/missing') {
      response.statusCode = 404
      return response.end('<p>Not found</p>')
    }
    response.setHeader('etag', pageEtag(page))
    response.end(page)
  }
  const server = http.createServer(
    createFrontDoor({ next, distDir: '/nonexistent', trustedProxies: 0 }),
  )
  server.on('clientError', answerClientError)
  beforeAll(() => listen(server))
  afterAll(() => new Promise((resolve) => server.close(resolve)))
  const get = (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    rawRequest(server, target, headers, method)

  it("gives Next's answers the table's headers, and a cached page a 304 when the browser holds it", async () => {
    const answer = await get('/reviews/x')
    expect(answer.status).toBe(200)
    expect(answer.headers['strict-transport-security']).toContain('max-age=')
    expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
    const again = await get('/reviews/x', { 'if-none-match': String(answer.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('answers a refusal itself, with the same headers, and never asks Next', async () => {
    seen.length = 0
    const answer = await get('/', {}, 'TRACE')
    expect(answer.status).toBe(405)
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(String(answer.headers['content-security-policy'])).toContain("script-src 'none'")
    const staff = await get('/api/staff/sign-out', { origin: 'http://evil.example' }, 'POST')
    expect(staff.status).toBe(403)
    expect(seen).toEqual([])
  })

  it('answers an absolute URL in the request line for this site alone', async () => {
    seen.length = 0
    await get('http://evil.example/reviews/x?y=1')
    expect(seen[0]?.url).toBe('/reviews/x?y=1')
  })

  it('gives a page rendered per request a fresh nonce, the one its policy names; a policy the client sent never reaches Next', async () => {
    seen.length = 0
    const forged = { 'content-security-policy': "script-src 'nonce-chosen-by-the-client'" }
    const first = await get('/search?q=x', forged)
    const second = await get('/search?q=x')
    const nonces = seen.map((s) => /'nonce-([^']+)'/.exec(s.policy ?? '')?.[1])
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(nonces[0]).not.toBe(nonces[1])
    expect(String(first.headers['content-security-policy'])).toContain(`'nonce-${nonces[0]}'`)
    expect(String(second.headers['content-security-policy'])).toContain(`'nonce-${nonces[1]}'`)
    // A cached page's request carries no policy: the page's own hashes come with it.
    await get('/reviews/x', forged)
    expect(seen[2]?.policy).toBeUndefined()
    // An error page rendered per request keeps its nonce (Next wrote it on its scripts).
    seen.length = 0
    const missing = await get('/missing', { cookie: '__prerender_bypass=x' })
    expect(missing.status).toBe(404)
    expect(String(missing.headers['content-security-policy'])).toContain(
      /'nonce-[^']+'/.exec(seen[0]?.policy ?? '')?.[0],
    )
    expect(missing.headers['cache-control']).toBe('private, no-store')
  })

  it("answers a request Node cannot parse as Node would, with the site's headers", async () => {
    const { port } = server.address() as AddressInfo
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      )
      let text = ''
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      socket.on('end', () => resolve(text)).on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 431 /)
    expect(reply).toContain('strict-transport-security: ')
    expect(reply).toContain("script-src 'none'")
  })
})
