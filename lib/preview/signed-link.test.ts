import { describe, expect, it } from 'vitest'
import {
  checkPreview,
  linkCookieValue,
  previewPath,
  previewToken,
  readLinkCookie,
} from '@/lib/preview/signed-link'

const secret = 'a-test-secret-of-enough-length'
const now = Date.UTC(2025, 5, 1)
const exp = now / 1000 + 3600
const id = 'AbCdEfGhIjKlMnOpQrSt'
const params = (path: string) => new URL(path, 'http://x').searchParams

describe('signed share links', () => {
  const link = previewPath(previewToken(id, 'a-draft', secret, exp))

  it('opens the review it was signed for, naming its link', () => {
    expect(checkPreview(params(link), secret, now)).toEqual({ ok: true, id, slug: 'a-draft', exp })
  })
  it('refuses a link for another slug', () => {
    expect(checkPreview(params(link.replace('a-draft', 'another')), secret, now)).toMatchObject({
      ok: false,
      status: 403,
      reason: 'invalid',
    })
  })
  it('refuses a link whose id was swapped for another', () => {
    expect(checkPreview(params(link.replace(id, `${id}x`)), secret, now)).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
  })
  it('refuses a stretched expiry', () => {
    const p = params(link)
    p.set('exp', String(Number(p.get('exp')) + 3600))
    expect(checkPreview(p, secret, now)).toMatchObject({ ok: false, reason: 'invalid' })
  })
  it('refuses an expired link', () => {
    expect(checkPreview(params(link), secret, now + 3600 * 1000)).toMatchObject({
      ok: false,
      status: 403,
      reason: 'expired',
    })
  })
  it('refuses an unsigned link with 401', () => {
    expect(checkPreview(params('/api/preview?slug=a-draft'), secret, now)).toMatchObject({
      ok: false,
      status: 401,
      reason: 'unsigned',
    })
  })
  it('refuses a link signed with another secret', () => {
    expect(checkPreview(params(link), `${secret}-rotated`, now)).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
  })
  it('is off without a secret', () => {
    expect(checkPreview(params(link), undefined, now)).toMatchObject({ ok: false, reason: 'off' })
  })
})

describe('the cookie naming an opened link', () => {
  const value = linkCookieValue(id, 'a-draft', exp, secret)

  it('names its link and piece', () => {
    expect(readLinkCookie(value, secret, now)).toEqual({ id, slug: 'a-draft', exp })
  })
  it('is not a link: a link signature does not pass as a cookie', () => {
    const { sig } = previewToken(id, 'a-draft', secret, exp)
    expect(readLinkCookie(`${id}.a-draft.${exp}.${sig}`, secret, now)).toBeUndefined()
  })
  it('cannot be moved to another piece or stretched', () => {
    expect(readLinkCookie(value.replace('a-draft', 'another'), secret, now)).toBeUndefined()
    expect(readLinkCookie(value.replace(String(exp), String(exp + 1)), secret, now)).toBeUndefined()
  })
  it('opens nothing once its expiry has passed, or with another secret', () => {
    expect(readLinkCookie(value, secret, exp * 1000)).toBeUndefined()
    expect(readLinkCookie(value, `${secret}-rotated`, now)).toBeUndefined()
  })
  it('shrugs off garbage', () => {
    for (const junk of ['', '.', 'a.b.c.d.e', `${value}.x`, '%%%'])
      expect(readLinkCookie(junk, secret, now)).toBeUndefined()
  })
})
