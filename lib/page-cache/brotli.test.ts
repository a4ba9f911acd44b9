import http from 'node:http'
import { createRequire } from 'node:module'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, rawRequest } from '@/scripts/testing/http'
import { acceptsBrotli, answerInBrotli, compressPage } from './brotli.mjs'
import { answerNotModified, pageEtag } from './etag.mjs'

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void
/** The gzip step `next start` puts in front of every response (next/dist/server/lib/router-server). */
const compression = createRequire(import.meta.url)(
  'next/dist/compiled/compression',
) as () => Middleware

describe('whether a browser takes brotli', () => {
  it('reads Accept-Encoding as RFC 9110 does: q=0 refuses, * stands for the codings not named', () => {
    expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsBrotli('br;q=0.5')).toBe(true)
    expect(acceptsBrotli('*')).toBe(true)
    expect(acceptsBrotli('gzip, deflate')).toBe(false)
    expect(acceptsBrotli('br;q=0, gzip')).toBe(false)
    expect(acceptsBrotli('*, br; q=0')).toBe(false)
    expect(acceptsBrotli('*;q=0')).toBe(false)
    expect(acceptsBrotli(undefined)).toBe(false)
  })
})

describe('a cached page sent in brotli', () => {
  // Long enough to be worth compressing, and unlike any other test's page: the store is per process.
  const html = `<!DOCTYPE html><title>Brotli</title>${'<p>A paragraph of the review, é and “quotes”.</p>'.repeat(200)}`
  const ready = { html, etag: pageEtag(html) }
  const notYet = `${html}<p>not compressed yet</p>`
  let server: http.Server
  const compress = compression()
  beforeAll(async () => {
    await new Promise<void>((resolve) => compressPage(ready.etag, ready.html, resolve))
    // Answers as `next start` does: the guard's steps, then Next's gzip, then the page's headers
    // set one by one and its HTML written in two chunks.
    server = http.createServer((req, res) => {
      answerNotModified(res, req)
      answerInBrotli(res, req)
      compress(req, res, () => {})
      const page = req.url === '/not-yet' ? notYet : html
      res.statusCode = req.url === '/missing' ? 404 : 200
      res.setHeader('etag', pageEtag(page))
      res.setHeader(
        'content-type',
        req.headers.rsc ? 'text/x-component' : 'text/html; charset=utf-8',
      )
      res.write(page.slice(0, 1000))
      res.end(page.slice(1000))
    })
    await listen(server)
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const get = (path: string, headers: Record<string, string>, method = 'GET') =>
    rawRequest(server, path, headers, method)
  const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' }

  it('sends the same HTML in brotli to a browser that takes it, with its length', async () => {
    const res = await get('/', BROWSER)
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-length']).toBe(String(res.body.length))
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(res.headers.etag).toBe(ready.etag)
    expect(brotliDecompressSync(res.body).toString()).toBe(html)
    const gzip = await get('/', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(html)
    expect(res.body.length).toBeLessThan(gzip.body.length)
  })

  it('answers HEAD with the headers of GET, and 304 to a browser holding the page', async () => {
    const head = await get('/', BROWSER, 'HEAD')
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.body.length).toBe(0)
    const held = await get('/', { ...BROWSER, 'if-none-match': ready.etag })
    expect(held.status).toBe(304)
    expect(held.headers['content-encoding']).toBeUndefined()
    expect(held.body.length).toBe(0)
  })

  it('sends gzip as before while a page is not compressed yet, and for the router or an error', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/not-yet', BROWSER],
      ['/', { ...BROWSER, rsc: '1' }],
      ['/missing', BROWSER],
    ]
    for (const [path, headers] of cases) {
      const res = await get(path, headers)
      expect(res.headers['content-encoding'], path).toBe('gzip')
      const expected = path === '/not-yet' ? notYet : html
      expect(gunzipSync(res.body).toString(), path).toBe(expected)
    }
  })
})
