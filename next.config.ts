import type { NextConfig } from 'next'
import { reviewRedirects } from './lib/content/redirects'
import { searchPageHeaders, securityHeaders } from './lib/security-headers'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project before it builds; it says so, and the build
  // (and the scheduled-publishing copy the tests build) skip checking it twice.
  typescript: { ignoreBuildErrors: process.env.INTERTITLE_TYPECHECKED === '1' },
  images: { formats: ['image/avif', 'image/webp'], qualities: [75] },
  async redirects() {
    return reviewRedirects()
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // A later rule's header replaces an earlier one's of the same name. Pagefind compiles
      // its WebAssembly on /search and in its worker, whose script brings its own policy.
      { source: '/search', headers: searchPageHeaders },
      { source: '/pagefind/:path*', headers: searchPageHeaders },
      {
        // Draft Mode's cookie: an editor's preview must never be cached or indexed.
        source: '/:path*',
        has: [{ type: 'cookie', key: '__prerender_bypass' }],
        headers: [
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'X-Robots-Tag', value: 'noindex' },
        ],
      },
    ]
  },
}

export default nextConfig
