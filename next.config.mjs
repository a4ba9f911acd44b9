// @ts-check
import path from 'node:path'
import { firstPageRedirects, reviewRedirects } from './lib/content/redirects.mjs'
import { ogFontFiles } from './lib/seo/og-fonts.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Turbopack keeps what it compiled in the build folder's cache/ for the next build or dev start
  // (docs/benchmarks.md, "Figures from code comments"). A build that is thrown away (CI's clean
  // clone, the copies the tests build and serve) says INTERTITLE_TURBOPACK_CACHE=0 and skips it.
  experimental: {
    turbopackFileSystemCacheForBuild: process.env.INTERTITLE_TURBOPACK_CACHE !== '0',
    turbopackFileSystemCacheForDev: process.env.INTERTITLE_TURBOPACK_CACHE !== '0',
  },
  poweredByHeader: false,
  // Next would hash every page's HTML for its ETag on every response; the page caches give each
  // cached page its ETag once and the front door answers If-None-Match (lib/page-cache/etag.mjs).
  generateEtags: false,
  // `next dev` opened at 127.0.0.1 (the tests, and anyone who types it) keeps its live reload:
  // otherwise the socket is refused and the editor reloads itself for ever.
  allowedDevOrigins: ['127.0.0.1'],
  // `npm test` type-checks the whole project before it builds; it says so, and the build
  // (and the scheduled-publishing copy the tests build) skip checking it twice.
  typescript: { ignoreBuildErrors: process.env.INTERTITLE_TYPECHECKED === '1' },
  // Only /images/ are ever optimised: any other URL (one that redirects, another host) is a 400;
  // the front door also refuses other spellings of an /images/ path (docs/security.md).
  images: {
    formats: ['image/avif', 'image/webp'],
    qualities: [75],
    // Widths a srcset offers: covers are drawn at 180 and 200 CSS px (1x and 2x files), cards
    // from 360, and the widest still at 1,104 px, so 2,208 serves it on a 2x screen (Next's
    // default list stops at 2,048 and then jumps to 3,840).
    imageSizes: [180, 200, 360, 400],
    deviceSizes: [640, 750, 828, 1080, 1200, 1920, 2208],
    localPatterns: [{ pathname: '/images/**' }],
  },
  // `npm run build:standalone` (the Dockerfile's build) sets these: a self-contained server.js with
  // only the files it needs, optionally built beside the usual `.next` (the test suite does that).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Read by path at run time, which tracing cannot see: link cards' fonts from @fontsource, and the
  // content, which lib/content parses from Contentlayer's JSON rather than bundling it.
  // Also, for a standalone build run by the site's own server (server.mjs, docs/decisions/0001):
  // Next's config loader resolves (only resolves) these paths as it starts, and Next's standalone
  // trace leaves them out because its own server.js skips that loader.
  outputFileTracingIncludes: {
    '*': [
      ...ogFontFiles,
      '.contentlayer/generated/*/_index.json',
      'node_modules/next/dist/compiled/webpack/*',
      'node_modules/next/dist/compiled/@babel/runtime/package.json',
      // PGlite, which no bundled module imports: lib/db runs it in a worker thread and, to create
      // a new database folder, in a child process, both loading it from node_modules by name.
      'node_modules/@electric-sql/pglite/package.json',
      'node_modules/@electric-sql/pglite/dist/**/*.{js,cjs,wasm,data,tar.gz}',
    ],
  },
  // Both handlers give each cached page its script policy (docs/security.md); `next dev` caches no pages.
  // ISR_CACHE=postgres, read as `next start` starts (a standalone build keeps it from its build):
  // regenerated pages live in DATABASE_URL's PostgreSQL, shared by every instance, not in each
  // one's .next/cache (README, "Deploying").
  ...(process.env.ISR_CACHE === 'postgres'
    ? { cacheHandler: path.resolve('lib/page-cache/postgres.mjs'), cacheMaxMemorySize: 0 }
    : process.env.NODE_ENV === 'development'
      ? {}
      : { cacheHandler: path.resolve('lib/page-cache/file-system.mjs') }),
  // Empties the build's page cache and lists the pages to render into it (docs/decisions/0004).
  adapterPath: path.resolve('lib/page-cache/adapter.mjs'),
  async redirects() {
    return [...firstPageRedirects, ...reviewRedirects()]
  },
  // Response headers are not set here: lib/security/policy.mjs gives every response its own.
}

export default nextConfig
