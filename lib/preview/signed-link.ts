import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed preview links: HMAC-SHA256 over the slug and an expiry, so a link opens one
 * review for a limited time and cannot be altered to open another.
 */
export const DEFAULT_PREVIEW_HOURS = 24 * 7

export type PreviewToken = { slug: string; exp: number; sig: string }
export type PreviewCheck =
  | { ok: true; slug: string }
  | { ok: false; status: 401 | 403; reason: 'off' | 'unsigned' | 'expired' | 'invalid' }

const payload = (slug: string, exp: number) => `${slug}\n${exp}`

export function signPreview(slug: string, exp: number, secret: string): string {
  return createHmac('sha256', secret).update(payload(slug, exp)).digest('base64url')
}

export function previewToken(
  slug: string,
  secret: string,
  hours = DEFAULT_PREVIEW_HOURS,
  now = Date.now(),
): PreviewToken {
  const exp = Math.floor(now / 1000) + Math.round(hours * 3600)
  return { slug, exp, sig: signPreview(slug, exp, secret) }
}

export function previewPath(token: PreviewToken): string {
  const params = new URLSearchParams({ slug: token.slug, exp: String(token.exp), sig: token.sig })
  return `/api/preview?${params}`
}

export function checkPreview(
  params: URLSearchParams,
  secret: string | undefined,
  now = Date.now(),
): PreviewCheck {
  if (!secret) return { ok: false, status: 403, reason: 'off' }
  const slug = params.get('slug')
  const exp = params.get('exp')
  const sig = params.get('sig')
  if (!slug || !exp || !sig) return { ok: false, status: 401, reason: 'unsigned' }
  if (!/^\d{1,12}$/.test(exp) || !/^[a-z0-9-]{1,200}$/.test(slug))
    return { ok: false, status: 403, reason: 'invalid' }
  const expected = Buffer.from(signPreview(slug, Number(exp), secret))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, status: 403, reason: 'invalid' }
  if (Number(exp) * 1000 <= now) return { ok: false, status: 403, reason: 'expired' }
  return { ok: true, slug }
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
    detail:
      'The link is missing its signature or expiry. Ask an editor for a fresh link made with npm run preview-link.',
  },
  expired: {
    title: 'This preview link has expired',
    detail: 'Preview links last a limited time. Ask an editor for a fresh link.',
  },
  invalid: {
    title: 'This preview link is not valid',
    detail:
      'The link has been altered or was signed with another key. Ask an editor for a fresh link.',
  },
}
