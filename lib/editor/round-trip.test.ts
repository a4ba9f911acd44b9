import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { publicImageExists, readContentFiles } from '@/lib/content/check/files'
import { checkContent, formatProblem, type SourceFile } from '@/lib/content/check/validate'
import { browserBuild } from '@/lib/editor/keystatic-browser-build'
import { resave, type CollectionName } from '@/lib/editor/round-trip'

vi.mock('@keystatic/core', async () => await import(browserBuild('@keystatic/core')))
vi.mock(
  '@keystatic/core/content-components',
  async () => await import(browserBuild('@keystatic/core/content-components')),
)

const options = { imageExists: publicImageExists(path.resolve('public')) }
// The editor's collections: one folder each (content/staff.yaml is configuration, not a piece).
const files = readContentFiles(path.resolve('content')).filter(
  (f) => f.path.split('/').length === 3,
)

const collectionOf = (file: string) => file.split('/')[1] as CollectionName
const slugOf = (file: string) => (file.split('/').pop() ?? '').replace(/\.(mdx|yaml)$/, '')
const saved = (file: SourceFile) => resave(collectionOf(file.path), slugOf(file.path), file.text)

/** What a file means: its data (defaults filled in) and its body, as the site reads them. */
function meaning(file: SourceFile) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text)
  const data = (parse(m ? (m[1] ?? '') : file.text) ?? {}) as Record<string, unknown>
  if (file.path.endsWith('.mdx')) {
    data.redirectFrom ??= []
    data.draft ??= false
  }
  return { data, body: m ? (m[2] ?? '').trim() : undefined }
}

describe('a save in the editor without a change', () => {
  it('covers every kind of shipped content', () => {
    const kinds = new Set(files.map((f) => collectionOf(f.path)))
    expect([...kinds].sort()).toEqual(['critics', 'films', 'issues', 'reviews'])
    expect(files.filter((f) => f.path.endsWith('.mdx')).length).toBeGreaterThanOrEqual(16)
  })

  it.each(files.map((f) => [f.path, f] as const))('keeps the meaning of %s', (_, file) => {
    const after = { path: file.path, text: saved(file) }
    expect(meaning(after)).toEqual(meaning(file))
    // a second save writes exactly what the first wrote: later diffs show only real edits
    expect(saved(after)).toBe(after.text)
  })

  it('leaves the content check passing over all files at once', () => {
    const after = files.map((f) => ({ path: f.path, text: saved(f) }))
    expect(checkContent(after, options).map(formatProblem)).toEqual([])
  })
})
