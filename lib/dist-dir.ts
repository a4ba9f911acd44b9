let found: string | undefined

/**
 * The folder of the build this server runs (Next's `distDir`): NEXT_DIST_DIR under `next start`
 * (next.config.mjs reads it), or the folder baked into a standalone server.js, which hands its
 * whole configuration to Next in an environment variable. Relative to the working folder.
 */
export function distDir(): string {
  if (found === undefined) {
    let standalone: unknown
    try {
      standalone = JSON.parse(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? '{}').distDir
    } catch {
      standalone = undefined
    }
    found = process.env.NEXT_DIST_DIR || (typeof standalone === 'string' && standalone) || '.next'
  }
  return found
}
