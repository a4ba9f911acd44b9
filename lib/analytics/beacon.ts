import { z } from 'zod'

/**
 * What the beacon script (public/analytics.js) sends: the page's path and query, the referrer
 * and the viewport's width. Anything else, or anything longer, is not a beacon of ours.
 */
export const MAX_BEACON_BYTES = 1024

const beaconSchema = z.strictObject({
  p: z.string().min(1).max(200).startsWith('/'),
  q: z.string().max(400).default(''),
  r: z.string().max(400).default(''),
  w: z.number().int().min(0).max(100_000),
})

export const PAGE_KINDS = ['review', 'critic', 'genre', 'issue', 'home', 'other'] as const
export type PageKind = (typeof PAGE_KINDS)[number]
export type Page = { path: string; kind: PageKind; review: string }

export type Campaign = { source: string; medium: string; campaign: string; content: string }
export const UTM_FIELDS = ['source', 'medium', 'campaign', 'content'] as const

/** One page view, as it is counted: no address, no user agent, no full referrer. */
export type PageView = Page &
  Campaign & {
    referrer: string
    device: 'phone' | 'desktop'
  }

/** Narrower than this is a phone (Tailwind's `md` breakpoint, where the site's layout changes). */
export const PHONE_MAX_WIDTH = 767

/** The beacon's body, or undefined when it is not one (the endpoint's 400). */
export function parseBeacon(text: string) {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = beaconSchema.safeParse(data)
  return parsed.success ? parsed.data : undefined
}
export type Beacon = NonNullable<ReturnType<typeof parseBeacon>>

/** Control characters and bidirectional overrides, which have no place in a campaign name. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A campaign value as stored: trimmed, printable, at most 100 characters; '' when absent. */
export const cleanValue = (value: string | null | undefined): string =>
  (value ?? '').replace(UNPRINTABLE, '').trim().slice(0, 100)

/** The `utm_*` values of a query string. */
export function campaignOf(query: string): Campaign {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
  return {
    source: cleanValue(params.get('utm_source')),
    medium: cleanValue(params.get('utm_medium')),
    campaign: cleanValue(params.get('utm_campaign')),
    content: cleanValue(params.get('utm_content')),
  }
}

/**
 * The referrer's host only, and only when it is another site's ('' for none, for this site, or
 * for anything that is not an http(s) URL).
 */
export function referrerHost(referrer: string, ownHost: string): string {
  let url: URL
  try {
    url = new URL(referrer)
  } catch {
    return ''
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return ''
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  return host ===
    ownHost
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/:\d+$/, '')
    ? ''
    : host
}

/**
 * What a page view records, given the page the path names (undefined: no public page, so nothing
 * is counted) and the host the site answers on.
 */
export function pageViewOf(beacon: Beacon, page: Page, ownHost: string): PageView {
  return {
    ...page,
    ...campaignOf(beacon.q),
    referrer: referrerHost(beacon.r, ownHost),
    device: beacon.w > 0 && beacon.w <= PHONE_MAX_WIDTH ? 'phone' : 'desktop',
  }
}
