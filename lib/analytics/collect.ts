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

/**
 * A beacon as it arrived: its headers (names in lower case) and its body, read only once the
 * headers have passed, as text, or `undefined` when longer than MAX_BEACON_BYTES.
 */
export type Beacon = {
  headers: Readonly<Record<string, string | undefined>>
  readBody(): Promise<string | undefined>
}

/** What the beacon is answered: a status and, for a refusal, a line saying why. */
export type BeaconAnswer = { status: number; body: string | null; headers: Record<string, string> }

const answer = (status: number, text?: string): BeaconAnswer => ({
  status,
  body: text ? `${text}\n` : null,
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

/** The route handler's way in (without the custom server: `next dev`): a Web request. */
export async function collect(request: Request, c: Collector): Promise<Response> {
  const { status, body, headers } = await count(
    {
      headers: Object.fromEntries(request.headers),
      readBody: () => readLimited(request, MAX_BEACON_BYTES),
    },
    c,
  )
  return new Response(body, { status, headers })
}

/** Whether the reader asked not to be tracked: Global Privacy Control or Do Not Track. */
const optedOut = (headers: Beacon['headers']) =>
  headers['sec-gpc']?.trim() === '1' || headers.dnt?.trim() === '1'

/**
 * One beacon (POST /api/analytics): checked, then counted or not. 202: counted (it is queued and
 * stored within a second). 204: not counted by design (a bot, Global Privacy Control or Do Not
 * Track, an editor's preview, a staff page). 4xx: not a beacon of this site's pages. Nothing
 * here waits on the database but the day's salt, which is read once a day.
 */
export async function count(beacon: Beacon, c: Collector): Promise<BeaconAnswer> {
  const headers = beacon.headers
  if (
    originOf({ headers }, c.trustedProxies) !== 'same' ||
    /^(cross|same)-site$/.test(headers['sec-fetch-site'] ?? '')
  )
    return answer(403, 'Beacons are taken from this site’s own pages only.')
  if (!/^text\/plain(;|$)/i.test(headers['content-type'] ?? ''))
    return answer(415, 'A beacon is text/plain JSON.')
  const length = headers['content-length']
  if (length === undefined) return answer(411, 'A beacon must say how long it is.')
  if (!/^\d+$/.test(length) || Number(length) > MAX_BEACON_BYTES)
    return answer(413, `A beacon is at most ${MAX_BEACON_BYTES} bytes.`)
  const text = await beacon.readBody()
  if (text === undefined) return answer(413, `A beacon is at most ${MAX_BEACON_BYTES} bytes.`)
  const view = parseBeacon(text)
  if (!view) return answer(400, 'This is not a beacon.')

  const userAgent = headers['user-agent'] ?? ''
  if (
    optedOut(headers) ||
    !userAgent ||
    isbot(userAgent) ||
    hasDraftModeCookie(headers.cookie) ||
    isStaffPath(view.p)
  )
    return answer(204)
  const page = c.resolvePage(view.p)
  if (!page) return answer(404, 'No public page has this address.')

  const at = c.now?.() ?? new Date()
  const host = headers.host ?? ''
  const salt = await c.salts.saltFor(localDay(at))
  const address = clientIp(headers['x-forwarded-for'], c.trustedProxies)
  const visitor = visitorHash(salt, address, userAgent, host)
  if (!c.limiter.take(visitor)) return answer(429, 'Too many page views from one visitor.')
  if (!c.batcher.push({ ...pageViewOf(view, page, host), at, visitor }))
    return answer(503, 'Page views are not being stored just now.')
  return answer(202)
}
