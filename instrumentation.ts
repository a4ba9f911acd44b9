/**
 * Runs once when the server starts, before it answers: opens the site's database, brings its
 * schema up to date before the first signup arrives, and starts the worker that sends every email
 * the site owes (lib/services). A database that is not reachable yet is logged, not fatal; the
 * first signup tries again, and the worker starts then. On a clean stop, server.mjs runs what is
 * registered here once running requests have finished (lib/front-door/shutdown.mjs). (What the
 * server does to every request before Next has it is server.mjs's: lib/front-door/index.mjs.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return
  const { services } = await import('@/lib/services')
  const site = services()
  // The analytics beacon, answered by the front door from here on (lib/front-door/beacon.mjs).
  const { registerBeaconCollector } = await import('@/lib/front-door/beacon.mjs')
  const { count } = await import('@/lib/analytics/collect')
  registerBeaconCollector(async (beacon) => count(beacon, await site.analytics()))
  // Queued views, an email in flight and the database are ended before the process is.
  const { onShutdown } = await import('@/lib/front-door/shutdown.mjs')
  onShutdown("the site's services", () => site.stop())
  await site
    .database()
    .catch((error: unknown) => console.error('database: not ready at start', error))
  await site.worker().catch((error: unknown) => console.error('worker: not started', error))
}
