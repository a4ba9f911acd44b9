import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerNotModified, holdsVersion, pageEtag, withEtag } from './etag.mjs'

type Entry = { kind: string; html?: string; body?: string; headers?: Record<string, unknown> }
const page = (html: string, headers: Record<string, unknown> = {}) =>
  withEtag<Entry>({ kind: 'APP_PAGE', html, headers }).headers ?? {}

describe('a cached page entry', () => {
  it('gets one ETag of its HTML, the same for the same page and another for another', () => {
    const one = page('<p>one</p>', { x: '1' })
    expect(one.etag).toBe(pageEtag('<p>one</p>'))
    expect(one.etag).toMatch(/^W\/"[\w-]+"$/)
    expect(one.x).toBe('1')
    expect(page('<p>one</p>').etag).toBe(one.etag)
    expect(page('<p>two</p>').etag).not.toBe(one.etag)
  })

  it('keeps an ETag it has; route responses and empty values are left alone', () => {
    expect(page('<p>x</p>', { etag: '"given"' }).etag).toBe('"given"')
    expect(withEtag<Entry>({ kind: 'APP_ROUTE', body: 'x', headers: {} }).headers).toEqual({})
    expect(withEtag(null)).toBeNull()
  })
})

const request = (headers: Record<string, string>, method = 'GET') =>
  ({ method, headers }) as unknown as http.IncomingMessage

describe('whether a request holds a version', () => {
  const etag = 'W/"abc"'
  it('compares If-None-Match weakly, in a list, or as *', () => {
    expect(holdsVersion(request({ 'if-none-match': 'W/"abc"' }), etag)).toBe(true)
    expect(holdsVersion(request({ 'if-none-match': '"abc"' }), etag)).toBe(true)
    expect(holdsVersion(request({ 'if-none-match': '"x", W/"abc"' }), etag)).toBe(true)
    expect(holdsVersion(request({ 'if-none-match': '*' }), etag)).toBe(true)
    expect(holdsVersion(request({ 'if-none-match': 'W/"abd"' }), etag)).toBe(false)
    expect(holdsVersion(request({}), etag)).toBe(false)
  })
  it('not for a post, nor when the browser asks to skip its cache', () => {
    expect(holdsVersion(request({ 'if-none-match': etag }, 'POST'), etag)).toBe(false)
    const noCache = { 'if-none-match': etag, 'cache-control': 'max-age=0, no-cache' }
    expect(holdsVersion(request(noCache), etag)).toBe(false)
  })
})

describe('a server answering conditionally', () => {
  const html = '<!DOCTYPE html><p>A page</p>'
  const etag = pageEtag(html)
  let server: http.Server
  let base = ''
  beforeAll(async () => {
    // Answers as Next does: headers set, then the (gzipped) body written after writeHead.
    server = http.createServer((req, res) => {
      answerNotModified(res, req)
      const gzip = req.headers['accept-encoding'] === 'gzip'
      const body = gzip ? gzipSync(html) : Buffer.from(html)
      if (req.url !== '/no-etag') res.setHeader('etag', etag)
      res.setHeader('content-type', 'text/html; charset=utf-8')
      if (gzip) res.setHeader('content-encoding', 'gzip')
      res.setHeader('content-length', body.length)
      res.statusCode = req.url === '/missing' ? 404 : 200
      res.end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))
  // node:http, not fetch: fetch adds `cache-control: no-cache` to any request with If-None-Match.
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
      (resolve, reject) =>
        http
          .get(`${base}${path}`, { headers }, (res) => {
            let body = ''
            res.setEncoding('latin1')
            res.on('data', (chunk: string) => (body += chunk))
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
          })
          .on('error', reject),
    )

  it('answers 304 with no body to a browser holding the page, gzipped or not', async () => {
    for (const encoding of ['gzip', 'identity']) {
      const res = await get('/', { 'if-none-match': etag, 'accept-encoding': encoding })
      expect(res.status).toBe(304)
      expect(res.headers.etag).toBe(etag)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.headers['content-length']).toBeUndefined()
      expect(res.body).toBe('')
    }
  })

  it('sends the page when the browser holds another version, or none, or asks afresh', async () => {
    const cases: Record<string, string>[] = [
      { 'if-none-match': 'W/"older"' },
      {},
      { 'if-none-match': etag, 'cache-control': 'no-cache' },
    ]
    for (const headers of cases) {
      const res = await get('/', { ...headers, 'accept-encoding': 'identity' })
      expect(res.status).toBe(200)
      expect(res.body).toBe(html)
    }
  })

  it('leaves errors and responses without an ETag as they are', async () => {
    const missing = await get('/missing', { 'if-none-match': etag })
    expect(missing.status).toBe(404)
    expect(missing.body).toBe(html)
    const plain = await get('/no-etag', { 'if-none-match': '*' })
    expect(plain.status).toBe(200)
  })
})
