import { isIPv4, isIPv6 } from 'node:net'

/** The one bucket every request shares when no proxy is trusted to say who the client is. */
export const DIRECT_CLIENTS = 'direct'

/**
 * The address to rate-limit a request by, read from X-Forwarded-For.
 *
 * Each trusted proxy appends the address it saw, so behind `trustedProxies` of them the client
 * is that many entries from the right; anything further left was written by the client and is
 * ignored. With no trusted proxy the header is not read at all: `next start` fills it from the
 * TCP connection only when a request arrives without one and keeps it as sent otherwise, so a
 * client could choose its own bucket with every request. All such requests share one bucket,
 * which is why production runs behind a proxy with TRUSTED_PROXIES set (README, "Deploying").
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  trustedProxies: number,
): string {
  if (trustedProxies < 1) return DIRECT_CLIENTS
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  const entry = hops.at(-trustedProxies)
  return entry ? bucketOf(entry) : 'unknown'
}

/** Every client that cannot be told apart from the others, as an address (Better Auth keys on one). */
export const UNKNOWN_CLIENT_IP = '0.0.0.0'

/**
 * The client's bucket as an IP address, for a library that keys its own limits on one (Better
 * Auth's): IPv4 as is, IPv6 as the first address of its /64, and every client that cannot be told
 * apart as UNKNOWN_CLIENT_IP, one bucket.
 */
export function clientIp(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const bucket = clientAddress(forwardedFor, trustedProxies)
  if (isIPv4(bucket)) return bucket
  if (bucket.endsWith('::/64')) return bucket.slice(0, -'/64'.length)
  return UNKNOWN_CLIENT_IP
}

/** IPv4 as is; IPv6 by its /64 (one household or phone holds a whole /64). */
function bucketOf(entry: string): string {
  const address = entry
    .replace(/^\[(.*)\](?::\d+)?$/, '$1')
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (isIPv4(address)) return address
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
  return `other:${address.slice(0, 100)}`
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = (address.split('%')[0] ?? '').split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = tail === undefined ? 0 : 8 - left.length - right.length
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.toLowerCase().replace(/^0+(?=.)/, ''),
  )
}
