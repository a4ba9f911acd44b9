import { basePolicy, scriptPolicy } from './content-security-policy.mjs'

/**
 * Response headers, as next.config.ts applies them. Every response gets the base policy; its
 * script policy comes from exactly one place (lib/security/content-security-policy.mjs): a cached page
 * carries its own in its cache entry, pages rendered per request get a nonce from proxy.ts, and
 * the responses below, which are not pages, get theirs here. In development React evaluates code
 * and pages are not cached, so `next dev` allows inline scripts and eval everywhere.
 */
const csp = (script?: string) => ({
  key: 'Content-Security-Policy',
  value: script ? `${basePolicy}; ${script}` : basePolicy,
})
const dev = process.env.NODE_ENV === 'development'

export const securityHeaders = [
  csp(dev ? scriptPolicy({ sources: ["'unsafe-inline'"], dev }) : undefined),
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/**
 * Responses no browser runs as a page, with their one script policy: built and public files, API
 * answers, feeds, robots and sitemap, link cards. Pagefind's worker compiles WebAssembly.
 */
export const fileHeaders = dev
  ? []
  : [
      ...[
        '/_next/:path*',
        '/images/:path*',
        '/api/:path*',
        '/:path*/opengraph-image',
        '/opengraph-image',
        '/:file(.+\\.(?:xml|json|txt))',
      ].map((source) => ({ source, headers: [csp("script-src 'none'")] })),
      { source: '/pagefind/:path*', headers: [csp(scriptPolicy({ wasm: true }))] },
    ]
