import http from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, rawRequest } from '@/scripts/testing/http'
import { answerBuiltFile } from './built-files.mjs'

describe('built scripts and stylesheets in brotli', () => {
  const script = `console.log(${JSON.stringify('a built chunk '.repeat(100))})`
  let root = ''
  let server: http.Server
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'intertitle-built-'))
    const chunks = path.join(root, 'static', 'chunks')
    mkdirSync(chunks, { recursive: true })
    writeFileSync(path.join(chunks, 'app-1a_b.js'), script)
    writeFileSync(path.join(chunks, 'app-1a_b.js.br'), brotliCompressSync(script))
    writeFileSync(path.join(chunks, 'plain.css'), 'p{}')
    // Outside the built files: never to be served, however the path is spelt.
    writeFileSync(path.join(root, 'secret.js.br'), brotliCompressSync('secret'))
    server = http.createServer(async (req, res) => {
      if (await answerBuiltFile(req, res, root)) return
      res.setHeader('x-answered-by', 'next')
      res.end()
    })
    await listen(server)
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    rmSync(root, { recursive: true, force: true })
  })

  const get = (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    rawRequest(server, target, headers, method)
  const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' }

  it('sends the copy, immutable, to a browser that takes brotli, twice and to HEAD alike', async () => {
    for (const method of ['GET', 'GET', 'HEAD']) {
      const res = await get('/_next/static/chunks/app-1a_b.js?v=1', BROWSER, method)
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toBe('application/javascript; charset=UTF-8')
      expect(res.headers['content-encoding']).toBe('br')
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers.vary).toBe('Accept-Encoding')
      if (method === 'GET') expect(brotliDecompressSync(res.body).toString()).toBe(script)
      else expect(res.body.length).toBe(0)
    }
  })

  it('leaves Next everything else: no brotli, a range, no copy, another path or method', async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ['/_next/static/chunks/app-1a_b.js', { 'accept-encoding': 'gzip' }],
      ['/_next/static/chunks/app-1a_b.js', { ...BROWSER, 'accept-encoding': 'br;q=0, gzip' }],
      ['/_next/static/chunks/app-1a_b.js', { ...BROWSER, range: 'bytes=0-9' }],
      ['/_next/static/chunks/plain.css', BROWSER],
      ['/_next/static/chunks/missing.js', BROWSER],
      ['/_next/static/../secret.js', BROWSER],
      ['/_next/static/chunks/%2e%2e/%2e%2e/secret.js', BROWSER],
      ['/_next/static/./chunks/app-1a_b.js', BROWSER],
      ['/_next/static//chunks/app-1a_b.js', BROWSER],
      ['/_next/image/chunks/app-1a_b.js', BROWSER],
      ['/_next/static/chunks/app-1a_b.js', BROWSER, 'POST'],
    ]
    for (const [target, headers, method] of cases) {
      const res = await get(target, headers, method)
      expect(res.headers['x-answered-by'], `${method ?? 'GET'} ${target}`).toBe('next')
    }
  })
})
