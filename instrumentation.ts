/**
 * Runs once when the server starts, before it answers: installs the request guard in front of
 * Next (every request, static files and the request line included), then opens the site's
 * database and brings its schema up to date before the first signup arrives. A database that is
 * not reachable yet is logged, not fatal; the first signup tries again.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return
  // V8 lets a busy server's heap grow to up to four times what is alive, and keeps it until the
  // traffic stops: under the memory soak that was 576 MiB resident for ~85 MiB of live objects.
  // Growing by 30% at a time held it at 403 MiB (1.2× warm), for some speed under load
  // (docs/benchmarks.md, "Server memory"). A flag of V8's own, read at each collection.
  const v8 = await import('node:v8')
  v8.setFlagsFromString('--heap-growing-percent=30')
  // The embedded database is 9 MB of WebAssembly. By default V8 compiles all of it twice over:
  // a quick baseline copy of every function, then optimised copies of the busy ones. Compiling
  // it once, optimised, holds ~45 MiB less warm and answers queries sooner, for about a second
  // more at start (docs/benchmarks.md, "Server memory"). V8 reads it when the module compiles,
  // so it is set here, before the database is opened; process-wide, so not in lib/db/pglite.ts,
  // where every test that opens an in-memory database would pay the slower compile.
  v8.setFlagsFromString('--no-liftoff')
  const { installRequestGuard } = await import('@/lib/security/request-guard')
  installRequestGuard()
  const { siteDatabase } = await import('@/lib/db/site-database')
  await siteDatabase().catch((error: unknown) =>
    console.error('database: not ready at start', error),
  )
}
