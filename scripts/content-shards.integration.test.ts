import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import glob from 'fast-glob'
import { afterAll, describe, expect, it } from 'vitest'
import { GROUPINGS, planShards } from './content-shards.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'intertitle-shards-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The file set the folder holds now. */
let written: string[] | undefined

/** The files each shard's source would read, globbed as Contentlayer globs them. */
async function globShards(files: string[], processes: number, groupings = GROUPINGS) {
  // The folder holds these files and no others; written again only when the set changes.
  if (written !== files) {
    rmSync(dir, { recursive: true, force: true })
    for (const f of files) {
      mkdirSync(path.join(dir, path.dirname(f)), { recursive: true })
      writeFileSync(path.join(dir, f), '')
    }
    written = files
  }
  const plan = planShards(
    files.filter((f) => f.startsWith('reviews/') && f.endsWith('.mdx')),
    processes,
    groupings,
  )
  const read = await Promise.all(
    plan.shards.map(({ include, exclude }) =>
      glob(`${include.length ? `${include[0]}/` : ''}{,**/}*.{md,mdx,json,yaml,yml}`, {
        cwd: dir,
        ignore: exclude,
      }),
    ),
  )
  return { plan, read }
}

const years = Array.from({ length: 900 }, (_, i) => `reviews/film-${i}-${1960 + (i % 66)}.mdx`)
const numbered = Array.from(
  { length: 900 },
  (_, i) => `reviews/generated-${String(i).padStart(5, '0')}.mdx`,
)
const odd = [
  'reviews/a.mdx',
  'reviews/ab.mdx',
  'reviews/x.mdx',
  'reviews/Zodiac-2007.mdx',
  'reviews/8½-1963.mdx',
  'reviews/💥-2019.mdx',
  'reviews/boom-💥.mdx',
  'reviews/💥.mdx',
  'reviews/what-[now]-(2024).mdx',
  'reviews/festivals/cannes/anora-2024.mdx',
  'reviews/notes.md',
  'films/anora-2024.yaml',
  'critics/hannah-okafor.yaml',
  'issues/2025-07.yaml',
]

describe('planShards', () => {
  it.each([
    ['names ending in years', years],
    ['numbered names', numbered],
    ['every kind of name together', [...years, ...numbered, ...odd]],
  ])(
    '%s: every file is read by exactly one process, the one it is planned for',
    async (_, files) => {
      for (const [processes, grouping] of [2, 3].flatMap((p) =>
        GROUPINGS.map((g) => [p, g] as const),
      )) {
        const { plan, read } = await globShards(files, processes, [grouping])
        const readers = new Map<string, number[]>()
        read.forEach((fs, i) => fs.forEach((f) => readers.set(f, [...(readers.get(f) ?? []), i])))
        expect([...readers.keys()].sort()).toEqual([...files].sort())
        for (const f of files) {
          const expected = f.startsWith('reviews/') && f.endsWith('.mdx') ? plan.processOf(f) : 0
          expect({ f, readers: readers.get(f) }).toEqual({ f, readers: [expected] })
        }
        const reviews = read.map(
          (fs) => fs.filter((f) => f.endsWith('.mdx') && f.startsWith('reviews/')).length,
        )
        expect(reviews).toEqual(plan.counts)
      }
    },
    // Eight globbings of ~1,800 files: seconds on a busy machine (CI ran it past vitest's 5 s).
    60_000,
  )

  it('shares a large archive evenly', async () => {
    for (const files of [years, numbered]) {
      const { counts } = planShards(files, 2)
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(files.length * 0.02)
    }
  })

  it('one process reads everything', async () => {
    const { read } = await globShards(odd, 1)
    expect(read[0]!.sort()).toEqual([...odd].sort())
  })
})
