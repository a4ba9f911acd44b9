import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server'
import { describe, expect, it } from 'vitest'
import { config } from '@/proxy'

/** Whether proxy.ts runs for a request, as Next decides it from the matcher. */
const runs = (
  url: string,
  request: { headers?: Record<string, string>; cookies?: Record<string, string> } = {},
) => unstable_doesMiddlewareMatch({ config, url, ...request })

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe("proxy.ts's matcher", () => {
  it('runs for a form post on any page', () => {
    for (const pathname of ['/', '/reviews/ballerina-2025', '/newsletter', '/staff/sign-in']) {
      expect(runs(pathname, { headers: FORM }), pathname).toBe(true)
      expect(
        runs(pathname, { headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
      ).toBe(true)
    }
  })

  it('runs for every image, directly and through the optimiser (an embargoed still is decided there)', () => {
    for (const url of [
      '/images/stills/the-lantern-keeper-2025-hero.jpg',
      '/images/covers/july-2025.jpg',
      '/_next/image?url=%2Fimages%2Fstills%2Fa.jpg&w=640&q=75',
    ])
      expect(runs(url), url).toBe(true)
  })

  it("does not run for a reader's plain request of a page, nor for built files and /api/", () => {
    for (const pathname of [
      '/',
      '/reviews',
      '/reviews/ballerina-2025',
      '/search',
      '/staff',
      '/newsletter/confirm',
      '/feed.xml',
    ]) {
      expect(
        runs(pathname, { headers: { accept: 'text/html' }, cookies: { __prerender_bypass: 'x' } }),
        pathname,
      ).toBe(false)
    }
    for (const pathname of ['/_next/static/chunks/a.js', '/pagefind/pagefind.js', '/api/preview'])
      expect(runs(pathname, { headers: FORM }), pathname).toBe(false)
  })
})
