import { isbot } from 'isbot'
import { originOf } from '@/lib/front-door/refusal.mjs'
import { hasDraftModeCookie } from '@/lib/preview/draft-mode.mjs'
import { isStaffPath } from '@/lib/security/policy.mjs'
import { clientIp } from '@/lib/security/client-address'
import type { Batcher } from './batcher'
import { MAX_BEACON_BYTES, pageViewOf, parseBeacon, type Page } from './beacon'
import { localDay } from './days'
import type { StoredView } from './store'
import { visitorHash, type Salts } from './visitor'

export type Collector = {
  resolvePage(path: string): Page | undefined
  salts: Salts
  limiter: { take(visitor: string): boolean }
  batcher: Batcher<StoredView>
  trustedProxies: number
  now?: () => Date
}

const answer = (status: number, text = '') =>
  new Response(text ? `${text}\n` : null, {
    status,
    headers: {
      'cache-control': 'no-store',
      ...(text ? { 'content-type': 'text/plain; charset=utf-8' } : {}),
    },
  })

/** The body, or undefined once it passes `limit` bytes (then nothing more is read). */
async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}

/** Whether the reader asked not to be tracked: Global Privacy Control or Do Not Track. */
const optedOut = (headers: Headers) =>
  headers.get('sec-gpc')?.trim() === '1' || headers.get('dnt')?.trim() === '1'

/**
 * One beacon (POST /api/analytics): checked, then counted or not. 202: counted (it is queued and
 * stored within a second). 204: not counted by design (a bot, Global Privacy Control or Do Not
 * Track, an editor's preview, a staff page). 4xx: not a beacon of this site's pages. Nothing
 * here waits on the database but the day's salt, which is read once a day.
 */
export async function collect(request: Request, c: Collector): Promise<Response> {
  const headers = request.headers
  const raw = { headers: Object.fromEntries(headers) }
  if (
    originOf(raw, c.trustedProxies) !== 'same' ||
    /^(cross|same)-site$/.test(headers.get('sec-fetch-site') ?? '')
  )
    return answer(403, 'Beacons are taken from this site’s own pages only.')
  if (!/^text\/plain(;|$)/i.test(headers.get('content-type') ?? ''))
    return answer(415, 'A beacon is text/plain JSON.')
  const length = headers.get('content-length')
  if (length === null) return answer(411, 'A beacon must say how long it is.')
  if (!/^\d+$/.test(length) || Number(length) > MAX_BEACON_BYTES)
    return answer(413, `A beacon is at most ${MAX_BEACON_BYTES} bytes.`)
  const text = await readLimited(request, MAX_BEACON_BYTES)
  if (text === undefined) return answer(413, `A beacon is at most ${MAX_BEACON_BYTES} bytes.`)
  const beacon = parseBeacon(text)
  if (!beacon) return answer(400, 'This is not a beacon.')

  const userAgent = headers.get('user-agent') ?? ''
  if (
    optedOut(headers) ||
    !userAgent ||
    isbot(userAgent) ||
    hasDraftModeCookie(headers.get('cookie') ?? undefined) ||
    isStaffPath(beacon.p)
  )
    return answer(204)
  const page = c.resolvePage(beacon.p)
  if (!page) return answer(404, 'No public page has this address.')

  const at = c.now?.() ?? new Date()
  const host = headers.get('host') ?? ''
  const salt = await c.salts.saltFor(localDay(at))
  const address = clientIp(headers.get('x-forwarded-for'), c.trustedProxies)
  const visitor = visitorHash(salt, address, userAgent, host)
  if (!c.limiter.take(visitor)) return answer(429, 'Too many page views from one visitor.')
  if (!c.batcher.push({ ...pageViewOf(beacon, page, host), at, visitor }))
    return answer(503, 'Page views are not being stored just now.')
  return answer(202)
}
