import { execFile } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { readCollection } from '../lib/content/generated.mjs'
import { planShards } from './content-shards.mjs'

const run = promisify(execFile)
const root = process.cwd()
// A copy of what content:build reads, so that its output does not touch the project's.
const dir = mkdtempSync(path.join(tmpdir(), 'intertitle-content-build-'))
for (const entry of ['content', 'lib', 'scripts', 'contentlayer.config.ts', 'package.json'])
  cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true })
symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const COLLECTIONS = ['Review', 'Film', 'Critic', 'Issue']

async function build(processes: number) {
  try {
    const { stdout } = await run('node', ['scripts/content-build.mjs'], {
      cwd: dir,
      // Contentlayer takes its working folder from PWD.
      env: { ...process.env, PWD: dir, CONTENT_BUILD_PROCESSES: String(processes) },
    })
    return { code: 0, output: stdout }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, output: e.stdout + e.stderr }
  }
}

/** Each collection's documents, in the order of their ids. */
const collections = () =>
  Object.fromEntries(
    COLLECTIONS.map((name) => [
      name,
      (readCollection(name, dir) as { _id: string }[]).sort((a, b) => (a._id < b._id ? -1 : 1)),
    ]),
  )

describe('content:build across processes', () => {
  it('writes the same documents from three processes as from one', async () => {
    const one = await build(1)
    expect(one.output).toMatch(/Contentlayer: \d+ documents/)
    const alone = collections()
    const types = readFileSync(path.join(dir, '.contentlayer/generated/types.d.ts'), 'utf8')
    expect(alone.Review!.length).toBeGreaterThan(10)

    const three = await build(3)
    expect(three.code).toBe(0)
    const total = Object.values(alone).reduce((n, docs) => n + docs.length, 0)
    expect(three.output).toContain(`Contentlayer: ${total} documents`)
    expect(three.output).toMatch(/3 processes, \d+ \+ \d+ \+ \d+ reviews/)
    expect(collections()).toEqual(alone)
    expect(readFileSync(path.join(dir, '.contentlayer/generated/types.d.ts'), 'utf8')).toBe(types)
    // Nothing left over from the parts.
    expect(readdirSync(path.join(dir, '.contentlayer/generated')).sort()).toEqual(
      [...COLLECTIONS, 'index.d.ts', 'types.d.ts'].sort(),
    )
  }, 120_000)

  it('a bad review in a helper process fails the build, naming it, and keeps the last output', async () => {
    const reviews = readdirSync(path.join(dir, 'content/reviews')).map((f) => `reviews/${f}`)
    const { processOf } = planShards(reviews, 3)
    const bad = reviews.find((f) => processOf(f) === 2)!
    expect(bad).toBeDefined()
    expect((await build(3)).code).toBe(0)
    const before = readFileSync(
      path.join(dir, '.contentlayer/generated/Review/_index.json'),
      'utf8',
    )
    const file = path.join(dir, 'content', bad)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^headline: .*\n/m, ''))

    const result = await build(3)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain(path.basename(bad))
    expect(result.output).toMatch(/headline/)
    expect(result.output).toContain('content:build process 2 failed')
    expect(readFileSync(path.join(dir, '.contentlayer/generated/Review/_index.json'), 'utf8')).toBe(
      before,
    )
  }, 120_000)
})
