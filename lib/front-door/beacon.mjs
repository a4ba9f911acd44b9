// @ts-check
/**
 * The analytics beacon (POST /api/analytics) answered before Next's routing, which costs more
 * than the whole of counting a view (docs/decisions/0003-analytics.md). The counting itself is
 * the app's (`count` in lib/analytics/collect.ts, with the site's services): instrumentation.ts
 * registers it here when the server starts. Until it has, or without this server (`next dev`),
 * the route handler app/api/analytics/route.ts answers through the same function.
 */

export const BEACON_PATH = '/api/analytics'
/** The body is never read past this (the collector answers 411/413 from the headers). */
const MAX_BODY = 1024
const KEY = Symbol.for('intertitle.beacon-collector')

/**
 * The app's counting (`count` in lib/analytics/collect.ts): headers as Node read them, the body
 * asked for once the headers pass; it gives the status and, for a refusal, the line and headers.
 * @typedef {(beacon: import('@/lib/analytics/collect').Beacon) =>
 *   Promise<import('@/lib/analytics/collect').BeaconAnswer>} Collector
 */

/** Called by instrumentation.ts with the app's collector. @param {Collector} collector */
export function registerBeaconCollector(collector) {
  ;/** @type {Record<symbol, Collector | undefined>} */ (globalThis)[KEY] = collector
}

/**
 * Answers a beacon with the registered collector; false when it does not take the request (not
 * a beacon, or nothing registered yet: Next's route handler then answers it). No Web Request or
 * Response is made: at thousands of beacons a second, they were a good part of a beacon's cost.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function answerBeacon(request, response) {
  const collector = /** @type {Record<symbol, Collector | undefined>} */ (globalThis)[KEY]
  const pathname = (request.url ?? '').split('?')[0]
  if (!collector || request.method !== 'POST' || pathname !== BEACON_PATH) return false
  const length = Number(request.headers['content-length'])
  const readable = Number.isInteger(length) && length >= 0 && length <= MAX_BODY
  /** @type {Buffer[]} */
  const chunks = []
  if (readable) request.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk))
  else request.resume()
  request.on('end', () => {
    /** @type {Record<string, string>} */
    const headers = {}
    for (const [name, value] of Object.entries(request.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    const body = readable ? Buffer.concat(chunks).toString('utf8') : undefined
    void Promise.resolve()
      .then(() => collector({ headers, readBody: async () => body }))
      .then((answer) => {
        response.statusCode = answer.status
        for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value)
        response.end(answer.body ?? undefined)
      })
      .catch((/** @type {unknown} */ error) => {
        console.error('analytics: a beacon could not be counted', error)
        if (response.headersSent) return void response.destroy()
        response.statusCode = 503
        response.setHeader('cache-control', 'no-store')
        response.end()
      })
  })
  return true
}
