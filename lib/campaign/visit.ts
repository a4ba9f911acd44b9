import { utmField, utmKeys, type UtmKey } from '../newsletter/form'

const KEY = 'intertitle:campaign'

/**
 * The campaign that brought this visit: the page URL's utm_* parameters, else those the
 * visit landed with (kept for the tab's session), so a reader who arrives from a newsletter
 * link and signs up two pages later is still credited to it. Browser only.
 */
export function visitCampaign(): string {
  const fromUrl = pickUtm(new URLSearchParams(window.location.search))
  try {
    if (fromUrl) sessionStorage.setItem(KEY, fromUrl)
    return fromUrl || (sessionStorage.getItem(KEY) ?? '')
  } catch {
    return fromUrl
  }
}

/** Just the utm_* parameters of a query string, in a fixed order, as a query string. */
export function pickUtm(params: URLSearchParams): string {
  const picked = new URLSearchParams()
  for (const key of utmKeys) {
    const value = params.get(utmField(key))?.trim()
    if (value) picked.set(utmField(key), value.slice(0, 200))
  }
  return picked.toString()
}

export function utmFromQuery(query: string): Partial<Record<UtmKey, string>> {
  const params = new URLSearchParams(query)
  return Object.fromEntries(
    utmKeys.flatMap((key) => (params.get(utmField(key)) ? [[key, params.get(utmField(key))]] : [])),
  )
}

/** Without JavaScript the form cannot read the page URL, but the browser sends it as the Referer. */
export function utmFromReferrer(referrer: string | null): Partial<Record<UtmKey, string>> {
  if (!referrer) return {}
  try {
    return utmFromQuery(pickUtm(new URL(referrer).searchParams))
  } catch {
    return {}
  }
}
