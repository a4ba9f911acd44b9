// @ts-check
/**
 * The site's Content-Security-Policy, in two parts that the browser enforces together:
 *
 * - the base policy, on every response (next.config.ts): where styles, images, fonts, frames,
 *   workers and connections may come from, and that no one may frame the site. It says nothing
 *   about scripts.
 * - a script policy, exactly one per response. A page's names the SHA-256 hash of each inline
 *   script in that very HTML (Next streams each page's React payload as inline scripts), so pages
 *   stay static and no inline script but the page's own may run; it travels with the page in the
 *   ISR cache entry (lib/page-cache/file-system.mjs, lib/page-cache/postgres.mjs). Pages rendered per
 *   request (search, editors' previews) get a nonce (proxy.ts). Everything else, which no browser
 *   runs as a page (feeds, link cards, files, API answers), gets one from next.config.ts.
 *
 * Plain JavaScript, because the cache handler that uses it is loaded by Next at run time outside
 * the app's bundle; content-security-policy.d.mts gives TypeScript its types.
 */
import { createHash } from 'node:crypto'

const CSP = 'content-security-policy'

/** Every fetch directive but scripts', named one by one: no `default-src`, which would cover scripts too. */
export const basePolicy = [
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * A script policy: this origin's files plus the given sources. `wasm` lets Pagefind compile its
 * WebAssembly (the search page and Pagefind's own worker); `dev` lets React's development build eval.
 * @param {{ sources?: string[], wasm?: boolean, dev?: boolean }} [options]
 */
export function scriptPolicy({ sources = [], wasm = false, dev = false } = {}) {
  return ['script-src', "'self'", ...sources, wasm && "'wasm-unsafe-eval'", dev && "'unsafe-eval'"]
    .filter(Boolean)
    .join(' ')
}

/** The CSP source that allows exactly this inline script. @param {string} source */
export function hashSource(source) {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

// An inline script's text cannot contain "</script" (React and Next escape it), so this finds
// each one whole. Data blocks (JSON-LD) never run, so they need no hash.
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi
const TYPE = /\stype\s*=\s*["']?([^"'\s>]+)/i
const SCRIPT_TYPE = /^(module|text\/javascript|application\/javascript)$/i

/** Hash sources for every inline script in the page that the browser would run. @param {string} html */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    const type = TYPE.exec(attributes)?.[1]
    if (/\ssrc\s*=/i.test(attributes) || (type && !SCRIPT_TYPE.test(type))) continue
    hashes.add(hashSource(body))
  }
  return [...hashes]
}

/**
 * Gives a page's cache entry its script policy, in place, before Next stores or sends it: it names
 * the page's own inline scripts. Next sends a page entry's headers with it, on the request that
 * rendered it as on every later one. An entry that already carries one is left as it is.
 * @param {any} value the entry's value as Next hands it to a cache handler
 */
export function withScriptPolicy(value) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string') return value
  value.headers ??= {}
  value.headers[CSP] ??= scriptPolicy({ sources: inlineScriptHashes(value.html) })
  return value
}
