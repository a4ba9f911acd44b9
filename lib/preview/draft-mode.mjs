// @ts-check
/**
 * The name of Next's Draft Mode cookie (`proxy.ts` spells it out too: its matcher must be a
 * literal). Next alone knows whether a value is this build's; the site treats any request that
 * carries the cookie as a preview where it decides headers (lib/security/policy.mjs): a forged
 * cookie gets the page readers get, sent private, and nothing more.
 */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

const IN_HEADER = new RegExp(`(?:^|;\\s*)${DRAFT_MODE_COOKIE}=([^;]+)`)

/**
 * Whether a raw Cookie header (or Node's array of them) carries a Draft Mode cookie.
 * @param {string | string[] | undefined} header
 */
export const hasDraftModeCookie = (header) => IN_HEADER.test([header ?? ''].flat().join('; '))
