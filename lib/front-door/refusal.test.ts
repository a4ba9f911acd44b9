import { describe, expect, it } from 'vitest'
import { originForm, originOf, refusal, type RawRequest } from './refusal.mjs'
import { requestKind } from '../security/policy.mjs'

const request = (method: string, url: string, headers: RawRequest['headers'] = {}) => ({
  method,
  url,
  headers: { host: 'intertitle.test', ...headers },
})
const status = (r: RawRequest) => refusal(r)?.status

describe('the refusals', () => {
  it('lets ordinary requests through', () => {
    expect(status(request('GET', '/reviews/ballerina-2025'))).toBeUndefined()
    expect(status(request('HEAD', '/images/stills/x.jpg'))).toBeUndefined()
    const form = { 'content-length': '300', 'content-type': 'multipart/form-data; boundary=x' }
    expect(status(request('POST', '/newsletter', form))).toBeUndefined()
    expect(
      status(request('POST', '/newsletter', { ...form, origin: 'https://intertitle.test' })),
    ).toBeUndefined()
    expect(status(request('DELETE', '/api/anything'))).toBeUndefined()
  })

  it('refuses what Next would answer with a 500', () => {
    expect(status(request('GET', '*'))).toBe(400)
    expect(status(request('TRACE', '/'))).toBe(405)
    expect(status(request('TRACE', '/api/preview'))).toBe(405)
    expect(status(request('CONNECT', '/api/preview'))).toBe(405)
    expect(refusal(request('PUT', '/images/stills/x.jpg'))).toMatchObject({
      status: 405,
      allow: 'GET, HEAD',
    })
    for (const method of ['OPTIONS', 'DELETE', 'PATCH'])
      expect(status(request(method, '/_next/static/chunks/a.js'))).toBe(405)
    expect(status(request('GET', '/reviews/%ZZ'))).toBe(400)
    expect(status(request('GET', `/reviews/${'a'.repeat(300)}`))).toBe(400)
    expect(status(request('GET', '/', { 'next-router-state-tree': '%%%' }))).toBe(400)
    expect(status(request('GET', '/', { 'next-router-state-tree': '{"a":1}' }))).toBe(400)
    expect(status(request('GET', '/', { 'next-router-state-tree': '%5B%5D' }))).toBeUndefined()
  })

  it('refuses forms that are too large, unmeasured, foreign or not forms at all', () => {
    const form = { 'content-type': 'multipart/form-data; boundary=x' }
    expect(status(request('POST', '/', { ...form, 'content-length': '2000000' }))).toBe(413)
    expect(status(request('POST', '/', form))).toBe(411)
    expect(
      status(
        request('POST', '/newsletter', {
          ...form,
          'content-length': '10',
          origin: 'https://evil.example',
        }),
      ),
    ).toBe(403)
    expect(
      status(
        request('POST', '/newsletter', {
          'content-type': 'text/plain',
          'content-length': '2',
          'next-action': 'abc',
        }),
      ),
    ).toBe(400)
  })

  it('takes a change to a staff page or route only with its own Origin: not a foreign, null or missing one', () => {
    const own = { origin: 'https://intertitle.test' }
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' }
    for (const path of [
      '/api/staff/sign-out',
      '/staff',
      '/staff/sign-in',
      '/api/keystatic/update',
    ]) {
      expect(status(request('POST', path, { ...form, ...own })), path).toBeUndefined()
      for (const origin of [{ origin: 'http://evil.example' }, { origin: 'null' }, {}])
        expect(status(request('POST', path, { ...form, ...origin })), path).toBe(403)
    }
    expect(status(request('DELETE', '/api/keystatic/x', {}))).toBe(403)
    // Reading needs no Origin; a reader's form without one is still taken (older browsers).
    expect(status(request('GET', '/staff'))).toBeUndefined()
    expect(status(request('POST', '/newsletter', form))).toBeUndefined()
  })

  it('believes X-Forwarded-Host only from a trusted proxy', () => {
    const forged = request('POST', '/staff', {
      host: 'intertitle.test',
      origin: 'http://evil.example',
      'x-forwarded-host': 'evil.example',
    })
    expect(originOf(forged, 0)).toBe('foreign')
    expect(originOf(forged, 1)).toBe('same')
    expect(refusal(forged, 0)?.status).toBe(403)
  })

  it("lets the image optimiser take the site's images as the content writes them, nothing else", () => {
    const optimise = (url: string) =>
      request('GET', `/_next/image?url=${encodeURIComponent(url)}&w=64`)
    expect(status(optimise('/images/stills/ballerina-2025-hero.jpg'))).toBeUndefined()
    expect(status(optimise('/images/not-found'))).toBeUndefined()
    for (const url of [
      '/images/stills//ballerina-2025-hero.jpg',
      '/images/stills/ballerina-2025-hero.jpg/',
      '/images/stills/%74he-lantern-keeper-2025-hero.jpg',
      '/images/stills/../../package.json',
      '/images/./stills/x.jpg',
      '/reviews/ballerina',
      'https://evil.example/x.jpg',
      '//evil.example/x.jpg',
    ])
      expect(status(optimise(url)), url).toBe(400)
  })

  it('answers for its own host only: an absolute target keeps its path and loses its authority', () => {
    expect(originForm('http://evil.example/reviews/ballerina?x=1')).toBe('/reviews/ballerina?x=1')
    expect(originForm('/reviews')).toBeUndefined()
  })
})

describe('the policy table', () => {
  it('names each kind of response from its request', () => {
    expect(requestKind({ pathname: '/reviews/ballerina-2025' })).toBe('cached-page')
    expect(requestKind({ pathname: '/search' })).toBe('per-request-page')
    expect(requestKind({ pathname: '/newsletter', method: 'POST' })).toBe('per-request-page')
    expect(requestKind({ pathname: '/newsletter/confirm' })).toBe('reader-link-page')
    expect(requestKind({ pathname: '/newsletter/unsubscribe' })).toBe('reader-link-page')
    expect(requestKind({ pathname: '/reviews/x', draftMode: true })).toBe('preview-page')
    expect(requestKind({ pathname: '/staff/signups' })).toBe('staff-page')
    expect(requestKind({ pathname: '/keystatic' })).toBe('staff-page')
    expect(requestKind({ pathname: '/_next/static/chunks/a.js' })).toBe('static-asset')
    expect(requestKind({ pathname: '/images/stills/x.jpg' })).toBe('static-asset')
    expect(requestKind({ pathname: '/feed.xml' })).toBe('data-file')
    expect(requestKind({ pathname: '/reviews/x/opengraph-image' })).toBe('data-file')
    expect(requestKind({ pathname: '/pagefind/pagefind.js' })).toBe('pagefind')
  })
})
