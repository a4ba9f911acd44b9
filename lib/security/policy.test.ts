import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  basePolicy,
  inlineScriptHashes,
  requestKind,
  responses,
  scriptPolicy,
  withScriptPolicy,
} from './policy.mjs'

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

const page = [
  '<!DOCTYPE html><html><head>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<script>document.documentElement.dataset.theme="dark"</script>',
  '</head><body><script type="application/ld+json">{"@type":"Review"}</script>',
  '<script async="">self.__next_f.push([1,"é"])</script>',
  '<script type="module">import "/x.js"</script>',
  '<script>document.documentElement.dataset.theme="dark"</script>',
  '</body></html>',
].join('')

describe('inline script hashes', () => {
  it('names each inline script the browser would run, once, and nothing else', () => {
    expect(inlineScriptHashes(page)).toEqual([
      sha('document.documentElement.dataset.theme="dark"'),
      sha('self.__next_f.push([1,"é"])'),
      sha('import "/x.js"'),
    ])
  })

  it('finds none in a page without inline scripts', () => {
    expect(
      inlineScriptHashes('<html><body><p>Text</p><script src="/a.js"></script></body></html>'),
    ).toEqual([])
  })
})

describe('policies', () => {
  it('the base says nothing about scripts, so each response has exactly one script policy', () => {
    expect(basePolicy).not.toMatch(/script-src|default-src/)
    expect(basePolicy).toContain("frame-ancestors 'none'")
    expect(scriptPolicy()).toBe("script-src 'self'")
    expect(scriptPolicy({ sources: ["'nonce-abc'"], wasm: true })).toBe(
      "script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'",
    )
  })

  it("a page's cache entry gets the hashes of its own scripts, once; other entries are left alone", () => {
    const headers: Record<string, string> = { 'x-next-cache-tags': '_N_T_/layout' }
    const entry = withScriptPolicy({ kind: 'APP_PAGE', html: page, headers })
    const policy = entry.headers['content-security-policy']
    expect(policy).toBe(scriptPolicy({ sources: inlineScriptHashes(page) }))
    expect(policy).not.toContain('unsafe-inline')
    expect(entry.headers['x-next-cache-tags']).toBe('_N_T_/layout')

    entry.html = '<script>changed()</script>'
    expect(withScriptPolicy(entry).headers['content-security-policy']).toBe(policy)

    const route = {
      kind: 'APP_ROUTE',
      body: Buffer.from('<rss/>'),
      headers: { 'content-type': 'application/rss+xml' },
    }
    expect(withScriptPolicy(route).headers).toEqual({ 'content-type': 'application/rss+xml' })
    expect(withScriptPolicy(null)).toBeNull()
  })
})

describe('kinds of response', () => {
  it('an image asked for in preview is private, whatever its path; a reader gets the static file', () => {
    for (const pathname of ['/images/stills/a-hero.jpg', '/_next/image']) {
      expect(requestKind({ pathname, draftMode: true })).toBe('preview-image')
      expect(requestKind({ pathname })).toBe('static-asset')
    }
    expect(responses['preview-image'].headers).toMatchObject({
      'cache-control': 'private, no-store',
      vary: 'Cookie',
    })
    // Scripts stay static files in preview: they are the same for everyone.
    expect(requestKind({ pathname: '/_next/static/chunks/a.js', draftMode: true })).toBe(
      'static-asset',
    )
  })

  it('every kind answered because of a cookie says so to caches', () => {
    for (const kind of ['preview-page', 'preview-image', 'staff-page'] as const)
      expect(responses[kind].headers?.vary, kind).toBe('Cookie')
  })
})
