/**
 * `contentlayer2 build` without its command line. The CLI's first import switches on the
 * effect runtime's execution tracing, and with it every fiber fork copies its trace buffers:
 * sampled 26 minutes into a 20,000-review build, three quarters of the time went there and 2% to
 * compiling MDX. The same build, the same generated files, with tracing left off.
 */
import * as core from '@contentlayer2/core'
import { pipe, T } from '@contentlayer2/utils/effect'

const started = Date.now()
await pipe(
  core.getConfig({}),
  T.chain((config) => core.generateDotpkg({ config, verbose: false })),
  T.tap(core.logGenerateInfo),
  core.runMain({ tracingServiceName: 'contentlayer', verbose: false }),
)
console.log(`Contentlayer: ${((Date.now() - started) / 1000).toFixed(1)} s`)
