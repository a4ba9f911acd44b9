// @ts-check
/**
 * How `content:build` splits a large archive across processes. Contentlayer compiles one MDX file
 * at a time in one process; each process here runs it on its share of the reviews, chosen by how
 * the file's name begins or ends (the only way Contentlayer's glob can be told which files are
 * whose). Files are grouped by a few characters at one end of their name, and the groups dealt
 * out, largest first, to the process with the fewest files; of the ways to group them (the last
 * two or three characters, the first two or three), the one that shares most evenly is used: the
 * names of an archive end in a year, a bench's are numbered. Process 0 also takes everything that
 * is not a review (films, critics, issues, and any stray file, which Contentlayer then reports).
 */

/** @typedef {{ include: string[], exclude: string[] }} Shard what contentlayer.config.ts adds to its source */
/** @typedef {{ end: 'first' | 'last', length: number }} Grouping */

/** @type {Grouping[]} */
export const GROUPINGS = [
  { end: 'last', length: 2 },
  { end: 'last', length: 3 },
  { end: 'first', length: 2 },
  { end: 'first', length: 3 },
]

/** @param {string} s */
const escapeGlob = (s) => s.replace(/[\\*?[\]{}()!@+]/g, (c) => `\\${c}`)

/** @param {string} file a review's path under the content folder, e.g. `reviews/x-2025.mdx` */
const nameOf = (file) => (file.split('/').pop() ?? file).replace(/\.mdx$/, '')

/**
 * @param {string} name
 * @param {Grouping} g
 */
function keyOf(name, { end, length }) {
  const chars = [...name] // by code point, never half a character
  return (end === 'last' ? chars.slice(-length) : chars.slice(0, length)).join('')
}

/**
 * Globs matching every review whose name's key is one of `keys`. A name no longer than the key is
 * its own key, and only its own glob matches it. Keys that differ only in their innermost
 * character, when that is a letter or digit, share one glob (`*[abc]25.mdx`): fast-glob tests every
 * file against every glob, and 1,300 globs took 3 s on 20,000 files.
 * @param {string[]} keys
 * @param {Grouping} g
 */
function keysGlobs(keys, { end, length }) {
  /** @type {Map<string, string>} */
  const classes = new Map()
  const globs = []
  for (const key of keys) {
    const chars = [...key]
    const inner = (end === 'last' ? chars.shift() : chars.pop()) ?? ''
    const rest = chars.join('')
    if (chars.length + 1 === length && /^[a-z0-9]$/i.test(inner)) {
      classes.set(rest, (classes.get(rest) ?? '') + inner)
    } else {
      const wild = chars.length + 1 === length ? '*' : ''
      globs.push(end === 'last' ? `${wild}${escapeGlob(key)}` : `${escapeGlob(key)}${wild}`)
    }
  }
  for (const [rest, inner] of classes) {
    globs.push(end === 'last' ? `*[${inner}]${escapeGlob(rest)}` : `${escapeGlob(rest)}[${inner}]*`)
  }
  return globs.map((g) => `reviews/**/${g}.mdx`)
}

/**
 * @param {string[]} names
 * @param {number} processes
 * @param {Grouping} grouping
 */
function deal(names, processes, grouping) {
  /** @type {Map<string, number>} */
  const groups = new Map()
  for (const name of names) {
    const key = keyOf(name, grouping)
    groups.set(key, (groups.get(key) ?? 0) + 1)
  }
  const counts = Array.from({ length: processes }, () => 0)
  /** @type {string[][]} */
  const keys = Array.from({ length: processes }, () => [])
  const bySize = [...groups].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
  for (const [key, count] of bySize) {
    const least = counts.indexOf(Math.min(...counts))
    counts[least] = (counts[least] ?? 0) + count
    keys[least]?.push(key)
  }
  return { grouping, counts, keys }
}

/**
 * @param {string[]} reviewFiles the review files (`reviews/….mdx`) under the content folder
 * @param {number} processes
 * @param {Grouping[]} [groupings] the ways of grouping to choose from
 * @returns {{ shards: Shard[], counts: number[], processOf: (file: string) => number }} one shard
 *   per process, how many reviews each compiles, and which compiles a given review
 */
export function planShards(reviewFiles, processes, groupings = GROUPINGS) {
  const names = reviewFiles.map(nameOf)
  const plans = groupings.map((g) => deal(names, processes, g))
  const most = (/** @type {{ counts: number[] }} */ p) => Math.max(...p.counts)
  const { grouping, counts, keys } = plans.reduce((best, p) => (most(p) < most(best) ? p : best))
  const shards = keys.map((_, i) => ({
    // Process 0 reads the whole folder, less the others' reviews; the others read only reviews/,
    // less every review but theirs and any other kind of file.
    include: i === 0 ? [] : ['reviews'],
    exclude: [
      ...(i === 0 ? [] : ['reviews/**/*.{md,json,yaml,yml}']),
      ...keysGlobs(
        keys.flatMap((own, j) => (j === i ? [] : own)),
        grouping,
      ),
    ],
  }))
  const owner = new Map(keys.flatMap((own, i) => own.map((key) => [key, i])))
  const processOf = (/** @type {string} */ file) => owner.get(keyOf(nameOf(file), grouping)) ?? 0
  return { shards, counts, processOf }
}
