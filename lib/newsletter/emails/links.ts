import { absoluteUrl } from '@/lib/site'
import { withUtm } from '@/lib/campaign/utm'

/**
 * Every link in an email is absolute and says where it came from: `utm_campaign` is the issue
 * (`june-2025`) or the flow (`confirmation`), so marketing sees which email brought a reader.
 */
export function emailLink(pathOrUrl: string, campaign: string): string {
  return withUtm(absoluteUrl(pathOrUrl), { source: 'newsletter', medium: 'email', campaign })
}

/** The reader's own pages, without campaign tags: these links hold a token, not a destination. */
export const confirmUrl = (token: string) =>
  absoluteUrl(`/newsletter/confirm?t=${encodeURIComponent(token)}`)
export const unsubscribePageUrl = (token: string) =>
  absoluteUrl(`/newsletter/unsubscribe?t=${encodeURIComponent(token)}`)
/** RFC 8058's one-click URL (List-Unsubscribe): a POST here unsubscribes; a GET shows the page. */
export const oneClickUrl = (token: string) =>
  absoluteUrl(`/api/newsletter/unsubscribe?t=${encodeURIComponent(token)}`)

/** The web version of the email sent for an issue: stable, public, for marketing to link to. */
export const webVersionPath = (issue: string) => `/newsletter/issues/${issue}`

/** The body of an RFC 8058 one-click unsubscribe, as a mail client posts it. */
export const ONE_CLICK = { 'List-Unsubscribe': 'One-Click' } as const
