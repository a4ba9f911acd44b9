import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pathsToWarm } from './adapter.mjs'
import { pageEtag } from './etag.mjs'
import { fileSystemStore, withMemory } from './file-system.mjs'
import { createCacheHandler } from './handler.mjs'
import { originOf, warming, warmListFile, warmPages } from './warm.mjs'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'page-cache-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** A handler as Next makes one per request: each over the same folder. */
const handler = () =>
  new (createCacheHandler(() => fileSystemStore(path.join(folder, 'pages'))))({})

const html = '<html><body><script>self.x=1</script><p>A review</p></body></html>'
const page = (status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('0:["rsc"]'),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/reviews/bird-2024' },
  status,
})

describe('the file-system page cache', () => {
  it('keeps a page whole, with its ETag and script policy, for every later handler', async () => {
    await handler().set('/route-cache/APP_PAGE/x/$/reviews/bird-2024', page(), {
      cacheControl: { revalidate: 30 },
    })
    const entry = await handler().get('/route-cache/APP_PAGE/x/$/reviews/bird-2024')
    expect(entry?.value.html).toBe(html)
    expect(entry?.value.rscData).toEqual(Buffer.from('0:["rsc"]'))
    expect(entry?.value.segmentData.get('/_tree')).toEqual(Buffer.from('tree'))
    expect(entry?.value.headers.etag).toBe(pageEtag(html))
    expect(entry?.value.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
    expect(entry?.cacheControl).toEqual({ revalidate: 30 })
    expect(entry?.lastModified).toBeGreaterThan(Date.now() - 60_000)
    expect(await handler().get('/route-cache/APP_PAGE/x/$/reviews/other')).toBeNull()
  })

  it('keeps no 404, and drops a page Next replaces with nothing', async () => {
    await handler().set('/made-up', page(404), {})
    expect(await handler().get('/made-up')).toBeNull()
    await handler().set('/reviews/bird-2024', page(), {})
    await handler().set('/reviews/bird-2024', null, {})
    expect(await handler().get('/reviews/bird-2024')).toBeNull()
    expect(readdirSync(path.join(folder, 'pages'))).toEqual([])
  })

  it('drops the entries carrying a revalidated tag, and only those', async () => {
    await handler().set('/reviews/bird-2024', page(), {})
    await handler().set(
      '/feed.xml',
      { kind: 'APP_ROUTE', body: Buffer.from('<rss/>') },
      {
        tags: ['feeds'],
      },
    )
    await handler().revalidateTag(['_N_T_/reviews/bird-2024'])
    expect(await handler().get('/reviews/bird-2024')).toBeNull()
    expect((await handler().get('/feed.xml'))?.value.body).toEqual(Buffer.from('<rss/>'))
    // Rendered again after that, the page is kept again.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await handler().set('/reviews/bird-2024', page(), {})
    expect((await handler().get('/reviews/bird-2024'))?.value.html).toBe(html)
  })

  it('drops a page whose tag is revalidated in the same millisecond it was stored', async () => {
    // The site's clock, not the file system's (whose times are coarser, and here behind it).
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000)
    try {
      await handler().set('/reviews/bird-2024', page(), {})
      await handler().revalidateTag(['_N_T_/reviews/bird-2024'])
      expect(await handler().get('/reviews/bird-2024')).toBeNull()
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('answers nothing, rather than failing, before its folder exists', async () => {
    expect(await handler().get('/')).toBeNull()
    await expect(handler().revalidateTag('x')).resolves.toBeUndefined()
  })
})

describe('the memory in front of the files', () => {
  const route = (body: string) => ({ kind: 'APP_ROUTE', body: Buffer.from(body), status: 200 })
  const entry = (body: string, tags: string[] = []) => ({
    value: route(body),
    lastModified: Date.now(),
    tags,
  })

  it('serves the pages it last saw without reading their files, up to its size', async () => {
    const files = fileSystemStore(path.join(folder, 'pages'))
    const memory = withMemory(files, 10)
    await memory.write('/a', entry('aaaa'))
    await memory.write('/b', entry('bbbb'))
    rmSync(path.join(folder, 'pages'), { recursive: true })
    expect((await memory.read('/a'))?.value.body).toEqual(Buffer.from('aaaa'))
    // Over 10 bytes, the least recently used goes first: /b (just read /a).
    await memory.write('/c', entry('cccc'))
    expect(await memory.read('/b')).toBeNull()
    expect((await memory.read('/a'))?.value.body).toEqual(Buffer.from('aaaa'))
    expect((await memory.read('/c'))?.value.body).toEqual(Buffer.from('cccc'))
  })

  it('forgets a removed page and the pages of a revalidated tag', async () => {
    const memory = withMemory(fileSystemStore(path.join(folder, 'pages')), 1024)
    await memory.write('/a', entry('a', ['one']))
    await memory.write('/b', entry('b', ['two']))
    await memory.write('/c', entry('c'))
    await memory.removeTagged(['one'])
    await memory.remove('/c')
    expect(await memory.read('/a')).toBeNull()
    expect(await memory.read('/c')).toBeNull()
    expect((await memory.read('/b'))?.value.body).toEqual(Buffer.from('b'))
  })

  it('keeps nothing with no room, reading the files each time', async () => {
    const memory = withMemory(fileSystemStore(path.join(folder, 'pages')), 0)
    await memory.write('/a', entry('a'))
    rmSync(path.join(folder, 'pages'), { recursive: true })
    expect(await memory.read('/a')).toBeNull()
  })
})

describe('the pages the build prerendered', () => {
  it('are its pages and routes complete at build, not their router payloads or Next’s own', () => {
    const prerenders = [
      { pathname: '/reviews/bird-2024', routeType: 'page', response: 'complete' },
      { pathname: '/reviews/bird-2024.rsc', routeType: 'page', response: 'complete' },
      { pathname: '/reviews/bird-2024.segments/_tree.segment.rsc' },
      { pathname: '/feed.xml', routeType: 'route', response: 'complete' },
      { pathname: '/_global-error', routeType: 'page', response: 'complete' },
      { pathname: '/critics/[slug]', routeType: 'fallback', response: 'empty' },
      { pathname: '/', routeType: 'page', response: 'complete' },
    ]
    expect(pathsToWarm(prerenders)).toEqual(['/', '/feed.xml', '/reviews/bird-2024'])
  })

  it('are asked for once, in turn, by the first server to claim the list', async () => {
    const asked: string[] = []
    let running = 0
    let most = 0
    const server = http.createServer((request, response) => {
      asked.push(request.url!)
      most = Math.max(most, ++running)
      setTimeout(() => {
        running -= 1
        response.end('ok')
      }, 5)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const distDir = path.join(folder, '.next')
      mkdirSync(path.dirname(warmListFile(distDir)), { recursive: true })
      writeFileSync(warmListFile(distDir), JSON.stringify(['/', '/reviews', '/feed.xml']))
      expect(await warming(distDir)).toBe(true)
      const origin = originOf(server.address() as AddressInfo)
      const [one, two] = await Promise.all([
        warmPages({ origin, distDir }),
        warmPages({ origin, distDir }),
      ])
      expect([one, two].sort()).toEqual([0, 3])
      expect(asked).toEqual(['/', '/reviews', '/feed.xml'])
      expect(most).toBe(1)
      expect(readdirSync(path.dirname(warmListFile(distDir)))).toEqual([])
      expect(await warming(distDir)).toBe(false)
      expect(await warmPages({ origin, distDir })).toBe(0)
    } finally {
      server.close()
    }
  })

  it('stop being asked for when the server stops', async () => {
    const distDir = path.join(folder, '.next')
    mkdirSync(path.dirname(warmListFile(distDir)), { recursive: true })
    writeFileSync(warmListFile(distDir), JSON.stringify(['/', '/reviews']))
    const stopping = new AbortController()
    stopping.abort()
    await expect(
      warmPages({ origin: 'http://127.0.0.1:9', distDir, signal: stopping.signal }),
    ).resolves.toBe(0)
    expect(existsSync(warmListFile(distDir))).toBe(false)
  })

  it('are given up, the claim with them, when the server stops in the middle of a page', async () => {
    let arrived = () => {}
    const asked = new Promise<void>((resolve) => (arrived = resolve))
    // Never answers: the stop comes while the first page is being rendered.
    const server = http.createServer(() => arrived())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const distDir = path.join(folder, '.next')
      mkdirSync(path.dirname(warmListFile(distDir)), { recursive: true })
      writeFileSync(warmListFile(distDir), JSON.stringify(['/', '/reviews']))
      const stopping = new AbortController()
      const origin = originOf(server.address() as AddressInfo)
      const warmed = warmPages({ origin, distDir, signal: stopping.signal })
      await asked
      expect(await warming(distDir)).toBe(true)
      stopping.abort()
      await expect(warmed).resolves.toBe(0)
      expect(readdirSync(path.dirname(warmListFile(distDir)))).toEqual([])
      expect(await warming(distDir)).toBe(false)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('are not waited for on a claim a killed server left', async () => {
    const distDir = path.join(folder, '.next')
    mkdirSync(path.dirname(warmListFile(distDir)), { recursive: true })
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(`${warmListFile(distDir)}.${gone}`, JSON.stringify(['/']))
    expect(await warming(distDir)).toBe(false)
    writeFileSync(`${warmListFile(distDir)}.${process.pid}`, JSON.stringify(['/']))
    expect(await warming(distDir)).toBe(true)
  })

  it('are reached on loopback whatever address the server listens on', () => {
    expect(originOf({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe(
      'http://127.0.0.1:3000',
    )
    expect(originOf({ address: '::', family: 'IPv6', port: 80 })).toBe('http://[::1]:80')
    expect(originOf({ address: '10.0.0.5', family: 'IPv4', port: 8080 })).toBe(
      'http://10.0.0.5:8080',
    )
  })
})
