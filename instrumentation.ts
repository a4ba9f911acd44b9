/**
 * Runs once when the server starts, before it answers: opens the site's database and brings its
 * schema up to date before the first signup arrives. A database that is not reachable yet is
 * logged, not fatal; the first signup tries again. (What the server does to every request before
 * Next has it is server.mjs's: lib/front-door/index.mjs.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return
  const { services } = await import('@/lib/services')
  // The analytics beacon, answered by the front door from here on (lib/front-door/beacon.mjs).
  const { registerBeaconCollector } = await import('@/lib/front-door/beacon.mjs')
  const { collect } = await import('@/lib/analytics/collect')
  registerBeaconCollector(async (request) => collect(request, await services().analytics()))
  await services()
    .database()
    .catch((error: unknown) => console.error('database: not ready at start', error))
}
