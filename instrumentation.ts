/**
 * Runs once when the server starts, before it answers: installs the request guard in front of
 * Next (every request, static files and the request line included), then opens the site's
 * database and brings its schema up to date before the first signup arrives. A database that is
 * not reachable yet is logged, not fatal; the first signup tries again.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return
  const { installRequestGuard } = await import('@/lib/security/request-guard')
  installRequestGuard()
  const { siteDatabase } = await import('@/lib/db/site-database')
  await siteDatabase().catch((error: unknown) =>
    console.error('database: not ready at start', error),
  )
}
