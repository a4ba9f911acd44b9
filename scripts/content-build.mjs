/**
 * Contentlayer's build, without its command line and with our own last step.
 *
 * - The command line's first import switches on the effect runtime's execution tracing, and with
 *   it every fiber fork copies its trace buffers: sampled 26 minutes into a 20,000-review build,
 *   three quarters of the time went there and 2% to compiling MDX.
 * - Its last step (`writeFilesForCache`) held every output in memory at once (each document
 *   pretty-printed for its own JSON file, all of them again for each collection, every write
 *   started in parallel) and ran a 20,000-review build out of memory at 7.6 GiB. The site reads
 *   only each collection's `_index.json` (through lib/content/generated.mjs) and the
 *   types, so this writes those, one document at a time. `contentlayer2 dev` (`npm run dev`)
 *   still writes everything its own way.
 */
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import path from 'node:path'
import * as core from '@contentlayer2/core'
import { Chunk, pipe, S, T } from '@contentlayer2/utils/effect'
import { collectionFile, generatedDir } from '../lib/content/generated.mjs'

const started = Date.now()
const generated = generatedDir()

const { schemaDef, generationOptions, documents } = await pipe(
  core.getConfig({}),
  T.chain((config) =>
    pipe(
      config.source.provideSchema(config.esbuildHash),
      T.chain((schemaDef) =>
        pipe(
          config.source.fetchData({ schemaDef, verbose: false }),
          S.take(1),
          S.runCollect,
          T.map(Chunk.unsafeHead),
          T.rightOrFail,
          T.map((cache) => ({
            schemaDef,
            generationOptions: {
              sourcePluginType: config.source.type,
              options: config.source.options,
            },
            documents: Object.values(cache.cacheItemsMap).map((item) => item.document),
          })),
        ),
      ),
    ),
  ),
  core.runMain({ tracingServiceName: 'contentlayer', verbose: false }),
)

const typeField = generationOptions.options.fieldOptions.typeFieldName
mkdirSync(generated, { recursive: true })
for (const { name, isSingleton } of Object.values(schemaDef.documentTypeDefMap)) {
  // The folder afresh: no document's file from an earlier `contentlayer2 dev` outlives it.
  const file = collectionFile(name)
  rmSync(path.dirname(file), { recursive: true, force: true })
  mkdirSync(path.dirname(file))
  const out = createWriteStream(file)
  let written = 0
  if (!isSingleton) out.write('[')
  for (const doc of documents) {
    if (doc[typeField] !== name) continue
    if (!out.write(`${written++ > 0 ? ',\n' : ''}${JSON.stringify(doc)}`)) await once(out, 'drain')
  }
  out.end(isSingleton ? '\n' : ']\n')
  await finished(out)
}
writeFileSync(
  path.join(generated, 'types.d.ts'),
  core.renderTypes({ schemaDef, generationOptions }),
)
// The document types only: nothing imports the collections as modules (see above).
writeFileSync(path.join(generated, 'index.d.ts'), "export * from './types'\n")
rmSync(path.join(generated, 'index.mjs'), { force: true })

console.log(
  `Contentlayer: ${documents.length} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`,
)
