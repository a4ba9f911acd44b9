/**
 * Headers on every response. Next streams each static page's React payload as inline
 * scripts that differ per page and per regeneration, so scripts need 'unsafe-inline' while
 * pages stay static (a nonce would force every page to render per request, and a hash next
 * to 'unsafe-inline' would switch it off). Everything else is locked to this origin.
 */
export function contentSecurityPolicy({ dev = process.env.NODE_ENV === 'development', wasm = false } = {}): string {
  const extra = [dev && "'unsafe-eval'", wasm && "'wasm-unsafe-eval'"].filter(Boolean).map((s) => ` ${s}`)
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${extra.join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Pagefind runs WebAssembly in the browser: only /search and Pagefind's own files may compile it. */
export const searchPageHeaders = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy({ wasm: true }) }]

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]
