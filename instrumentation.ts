/**
 * Runs once when the server starts: brings the newsletter database's schema up to date
 * before the first signup arrives. A database that is not reachable yet is logged, not
 * fatal; the first signup tries again.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return
  const { subscriberStore } = await import('@/lib/newsletter/server')
  await subscriberStore().catch((error: unknown) =>
    console.error('newsletter: database not ready at start', error),
  )
}
