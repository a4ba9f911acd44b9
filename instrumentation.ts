/**
 * Runs once when the server starts: brings the site database's schema up to date
 * before the first signup arrives. A database that is not reachable yet is logged, not
 * fatal; the first signup tries again.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return
  const { siteDatabase } = await import('@/lib/db/site-database')
  await siteDatabase().catch((error: unknown) =>
    console.error('database: not ready at start', error),
  )
}
