/**
 * Contentlayer's build, without its command line, with our own last step, and spread over the
 * machine's cores when the archive is large.
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
 * - Contentlayer compiles in one process, which keeps about one core busy. Above PER_PROCESS
 *   reviews, this process and up to one more per core each compile a share
 *   (scripts/content-shards.mjs) and write their part of each collection, and this one joins the
 *   parts (20,000 reviews on this 2-core machine: 371 s in one process, 268 s in two, and 1.3
 *   rather than 2.4 GiB for the largest). Contentlayer's own cache, which skips unchanged files on
 *   a rebuild, is then neither read nor written: every process would write the same file.
 *   `CONTENT_BUILD_PROCESSES` sets the count.
 */
import { fork } from 'node:child_process'
import { once } from 'node:events'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { finished, pipeline } from 'node:stream/promises'
import * as core from '@contentlayer2/core'
import { Chunk, pipe, S, T } from '@contentlayer2/utils/effect'
import { collectionFile, generatedDir } from '../lib/content/generated.mjs'
import { planShards } from './content-shards.mjs'

const PER_PROCESS = 1000
const started = Date.now()
const generated = generatedDir()
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
/** Set in a helper process: which share it compiles (its shard is in CONTENT_SHARD). */
const part = process.env.CONTENT_BUILD_PART ? Number(process.env.CONTENT_BUILD_PART) : undefined
const run = core.runMain({ tracingServiceName: 'contentlayer', verbose: false })

/** Where each process writes its part of each collection until they are joined. */
const partsDir = path.join(generated, '.parts')
const partFile = (name, n) => path.join(partsDir, `${name}.${n}.json`)

if (part === undefined) {
  const reviews = existsSync(path.join(contentDir, 'reviews'))
    ? readdirSync(path.join(contentDir, 'reviews'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => `reviews/${f.split(path.sep).join('/')}`)
    : []
  const processes = Math.max(
    1,
    Number(process.env.CONTENT_BUILD_PROCESSES) ||
      Math.min(availableParallelism(), Math.ceil(reviews.length / PER_PROCESS)),
  )
  const { shards, counts } = planShards(reviews, processes)
  process.env.CONTENT_SHARD = JSON.stringify(shards[0])
  const config = await run(core.getConfig({}))
  rmSync(partsDir, { recursive: true, force: true })
  const helpers = []
  let written = 0
  process.on('exit', () => helpers.forEach((h) => h.helper.kill()))
  // One at a time: each loading of the configuration rewrites Contentlayer's compiled copy of it,
  // which another process could be reading.
  for (let n = 1; n < processes; n++) {
    const helper = fork(fileURLToPath(import.meta.url), [], {
      env: {
        ...process.env,
        CONTENT_SHARD: JSON.stringify(shards[n]),
        CONTENT_BUILD_PART: String(n),
      },
    })
    helper.on('message', (m) => (written += m.documents ?? 0))
    helpers.push({ helper, exit: exited(helper, n) })
    const [message] = await Promise.race([once(helper, 'message'), helpers.at(-1).exit])
    if (message !== 'configured') throw new Error(`content:build process ${n} did not start`)
  }
  const outcome = Promise.all(helpers.map((h) => h.exit))
  const compiled = await compile(config, processes > 1)
  await writeCollections(compiled, 0)
  await outcome
  await joinParts(compiled.schemaDef, processes)
  writeTypes(compiled)
  report(
    compiled.documents.length + written,
    processes > 1 ? `${processes} processes, ${counts.join(' + ')} reviews` : '',
  )
} else {
  const config = await run(core.getConfig({}))
  process.send?.('configured')
  const compiled = await compile(config, true)
  await writeCollections(compiled, part)
  await new Promise((sent) => process.send?.({ documents: compiled.documents.length }, sent))
  process.disconnect?.()
}

/** Resolves when the helper exits cleanly; otherwise this build stops (it has printed why). */
function exited(helper, n) {
  return once(helper, 'exit').then(([code, signal]) => {
    if (code !== 0) {
      console.error(`content:build process ${n} failed (${signal ?? `exit ${code}`})`)
      process.exit(1)
    }
    return []
  })
}

/** Contentlayer's schema and the documents of the files this process's source reads. */
function compile(config, skipCachePersistence = false) {
  return run(
    pipe(
      config.source.provideSchema(config.esbuildHash),
      T.chain((schemaDef) =>
        pipe(
          config.source.fetchData({ schemaDef, verbose: false, skipCachePersistence }),
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
  )
}

/**
 * This process's part of each collection, one document at a time, documents separated by commas,
 * for `joinParts`.
 */
async function writeCollections({ schemaDef, generationOptions, documents }, part) {
  const typeField = generationOptions.options.fieldOptions.typeFieldName
  mkdirSync(partsDir, { recursive: true })
  for (const { name } of Object.values(schemaDef.documentTypeDefMap)) {
    const out = createWriteStream(partFile(name, part))
    let written = 0
    for (const doc of documents) {
      if (doc[typeField] !== name) continue
      if (!out.write(`${written++ > 0 ? ',\n' : ''}${JSON.stringify(doc)}`))
        await once(out, 'drain')
    }
    out.end()
    await finished(out)
  }
}

/**
 * Each collection's `_index.json` from the processes' parts, in their order, in its own fresh
 * folder (no document's file from an earlier `contentlayer2 dev` outlives it).
 */
async function joinParts(schemaDef, processes) {
  for (const { name, isSingleton } of Object.values(schemaDef.documentTypeDefMap)) {
    const file = collectionFile(name)
    rmSync(path.dirname(file), { recursive: true, force: true })
    mkdirSync(path.dirname(file))
    const out = createWriteStream(file)
    let any = false
    if (!isSingleton) out.write('[')
    for (let n = 0; n < processes; n++) {
      if (statSync(partFile(name, n)).size === 0) continue
      if (any) out.write(',\n')
      any = true
      await pipeline(createReadStream(partFile(name, n)), out, { end: false })
    }
    out.end(isSingleton ? '\n' : ']\n')
    await finished(out)
  }
  rmSync(partsDir, { recursive: true, force: true })
}

function writeTypes({ schemaDef, generationOptions }) {
  writeFileSync(
    path.join(generated, 'types.d.ts'),
    core.renderTypes({ schemaDef, generationOptions }),
  )
  // The document types only: nothing imports the collections as modules (see above).
  writeFileSync(path.join(generated, 'index.d.ts'), "export * from './types'\n")
  rmSync(path.join(generated, 'index.mjs'), { force: true })
}

function report(count, how = '') {
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`Contentlayer: ${count} documents in ${seconds} s${how ? ` (${how})` : ''}`)
}
