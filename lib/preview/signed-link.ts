import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Signed share links: HMAC-SHA256 over a link's id, its piece and its expiry. The signature keeps
 * a link from being altered; the link's record in the site database (lib/preview/links.ts) is what
 * lets it be revoked. Opening one sets a cookie signed the same way, naming the link.
 */
export const DEFAULT_PREVIEW_HOURS = 24 * 7

export type PreviewToken = { id: string; slug: string; exp: number; sig: string }
export type PreviewCheck =
  | { ok: true; id: string; slug: string; exp: number }
  | {
      ok: false
      status: 401 | 403
      reason: 'off' | 'unsigned' | 'expired' | 'invalid' | 'revoked'
    }

const ID = /^[A-Za-z0-9_-]{16,64}$/
const SLUG = /^[a-z0-9-]{1,200}$/

const sign = (purpose: 'link' | 'cookie', id: string, slug: string, exp: number, secret: string) =>
  createHmac('sha256', secret).update(`${purpose}\n${id}\n${slug}\n${exp}`).digest('base64url')

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A fresh, unguessable id for a share link. */
export const newLinkId = () => randomBytes(18).toString('base64url')

export function previewToken(id: string, slug: string, secret: string, exp: number): PreviewToken {
  return { id, slug, exp, sig: sign('link', id, slug, exp, secret) }
}

/** An expiry (seconds since the epoch) `seconds` from now. */
export const expiryIn = (seconds: number, now = Date.now()) =>
  Math.floor(now / 1000) + Math.round(seconds)

export function previewPath(token: PreviewToken): string {
  const params = new URLSearchParams({
    link: token.id,
    slug: token.slug,
    exp: String(token.exp),
    sig: token.sig,
  })
  return `/api/preview?${params}`
}

/** Checks a link's signature and expiry; whether it is still on record is the caller's question. */
export function checkPreview(
  params: URLSearchParams,
  secret: string | undefined,
  now = Date.now(),
): PreviewCheck {
  if (!secret) return { ok: false, status: 403, reason: 'off' }
  const id = params.get('link')
  const slug = params.get('slug')
  const exp = params.get('exp')
  const sig = params.get('sig')
  if (!id || !slug || !exp || !sig) return { ok: false, status: 401, reason: 'unsigned' }
  if (!ID.test(id) || !/^\d{1,12}$/.test(exp) || !SLUG.test(slug))
    return { ok: false, status: 403, reason: 'invalid' }
  if (!same(sign('link', id, slug, Number(exp), secret), sig))
    return { ok: false, status: 403, reason: 'invalid' }
  if (Number(exp) * 1000 <= now) return { ok: false, status: 403, reason: 'expired' }
  return { ok: true, id, slug, exp: Number(exp) }
}

/** The value of the cookie that names the link a browser opened. */
export function linkCookieValue(id: string, slug: string, exp: number, secret: string): string {
  return `${id}.${slug}.${exp}.${sign('cookie', id, slug, exp, secret)}`
}

/**
 * The link a cookie names, if the cookie was signed by this server and has not passed its
 * expiry. Revocation is only known to the database: see lib/preview/access.ts.
 */
export function readLinkCookie(
  value: string | undefined,
  secret: string | undefined,
  now = Date.now(),
): { id: string; slug: string; exp: number } | undefined {
  if (!value || !secret) return undefined
  const [id, slug, exp, sig, extra] = value.split('.')
  if (extra !== undefined || !id || !slug || !exp || !sig) return undefined
  if (!ID.test(id) || !SLUG.test(slug) || !/^\d{1,12}$/.test(exp)) return undefined
  if (!same(sign('cookie', id, slug, Number(exp), secret), sig)) return undefined
  if (Number(exp) * 1000 <= now) return undefined
  return { id, slug, exp: Number(exp) }
}

export const previewRefusals: Record<
  Exclude<PreviewCheck, { ok: true }>['reason'],
  { title: string; detail: string }
> = {
  off: {
    title: 'Preview is off',
    detail: 'This server has no PREVIEW_SECRET set, so preview links are switched off.',
  },
  unsigned: {
    title: 'This preview link is not signed',
    detail: 'The link is missing its signature or expiry. Ask an editor for a fresh share link.',
  },
  expired: {
    title: 'This preview link has expired',
    detail: 'Share links last a limited time. Ask an editor for a fresh link.',
  },
  invalid: {
    title: 'This preview link is not valid',
    detail:
      'The link has been altered or was signed with another key. Ask an editor for a fresh link.',
  },
  revoked: {
    title: 'This preview link is no longer valid',
    detail:
      'An editor has withdrawn this link. Ask an editor for a fresh one if you still need it.',
  },
}
