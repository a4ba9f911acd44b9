import path from 'node:path'
import { publicImageExists, readContentFiles } from '../content/check/files'
import { checkContent, formatProblem, type SourceFile } from '../content/check/validate'

export type SaveRequest = {
  additions: { path: string; contents: string }[]
  deletions: { path: string }[]
}

const decode = (base64: string) =>
  Buffer.from(base64.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')

/**
 * The content check, run on the content as it would be after a save from the editor: the
 * problems in the files being saved, in the check's own words (`file:line field: message`).
 * An empty list lets the save through. Problems elsewhere are not the editor's to block.
 */
export function problemsAfterSave(save: SaveRequest, root = process.cwd()): string[] {
  const isContent = (p: string) => p.startsWith('content/') && /\.(mdx|ya?ml)$/.test(p)
  const touched = new Set(save.additions.map((a) => a.path).filter(isContent))
  if (touched.size === 0) return []
  const deleted = new Set(save.deletions.map((d) => d.path))
  const files = new Map<string, SourceFile>(
    readContentFiles(path.join(root, 'content'), root)
      .filter((f) => !deleted.has(f.path))
      .map((f) => [f.path, f]),
  )
  for (const a of save.additions)
    if (isContent(a.path)) files.set(a.path, { path: a.path, text: decode(a.contents) })
  const added = new Set(save.additions.map((a) => a.path))
  const problems = checkContent([...files.values()], {
    // a still uploaded in the same save counts as there
    imageExists: (src) =>
      added.has(`public${src}`) || publicImageExists(path.join(root, 'public'))(src),
  })
  return problems.filter((p) => touched.has(p.file)).map(formatProblem)
}
