import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server'
import { describe, expect, it } from 'vitest'
import { config } from '@/proxy'
import { perRequestPaths, requestKind, responses } from './policy.mjs'

/** Whether proxy.ts runs for a request, as Next decides it from the matcher. */
const runs = (
  url: string,
  request: { headers?: Record<string, string>; cookies?: Record<string, string> } = {},
) => unstable_doesMiddlewareMatch({ config, url, ...request })

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe("proxy.ts's matcher", () => {
  it('runs for every page the policy table renders per request, and below each staff prefix', () => {
    const { staffPrefixes, perRequest, readerLinks } = perRequestPaths
    const pages = staffPrefixes
      .filter((prefix) => !prefix.startsWith('/api/'))
      .flatMap((prefix) => [
        prefix,
        `${prefix}/sign-in`,
        `${prefix}/branch/main/collection/reviews`,
      ])
      .concat(perRequest, readerLinks)
    expect(pages.length).toBeGreaterThan(5)
    for (const pathname of pages) {
      expect(responses[requestKind({ pathname })].scripts, pathname).toBe('nonce')
      expect(runs(pathname), pathname).toBe(true)
      expect(runs(`${pathname}?q=wick&_rsc=1x2y`), pathname).toBe(true)
    }
  })

  it('runs for a form post and for a preview, on any page', () => {
    for (const pathname of ['/', '/reviews/ballerina-2025', '/newsletter', '/critics/a']) {
      expect(runs(pathname, { headers: FORM }), pathname).toBe(true)
      expect(
        runs(pathname, { headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
      ).toBe(true)
      expect(runs(pathname, { cookies: { __prerender_bypass: 'any' } }), pathname).toBe(true)
    }
  })

  it("does not run for a reader's plain request of a cached page, nor for files and /api/", () => {
    for (const pathname of [
      '/',
      '/reviews',
      '/reviews/ballerina-2025',
      '/newsletter',
      '/searching',
      '/staffing',
      '/feed.xml',
    ]) {
      expect(
        runs(pathname, { headers: { accept: 'text/html' }, cookies: { theme: 'dark' } }),
        pathname,
      ).toBe(false)
    }
    for (const pathname of [
      '/_next/static/chunks/a.js',
      '/images/a.jpg',
      '/pagefind/pagefind.js',
      '/api/preview',
    ]) {
      expect(
        runs(pathname, { headers: FORM, cookies: { __prerender_bypass: 'any' } }),
        pathname,
      ).toBe(false)
    }
  })
})
