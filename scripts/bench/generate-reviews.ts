import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse, stringify } from 'yaml'

/**
 * Writes a content folder with `count` reviews for the build-scale bench: the shipped
 * content, topped up with copies of its published reviews under new slugs. Written to a
 * temporary folder, never committed.
 */
export function generateContent(source: string, target: string, count: number): void {
  rmSync(target, { recursive: true, force: true })
  cpSync(source, target, { recursive: true })
  mkdirSync(path.join(target, 'reviews'), { recursive: true })
  const files = readdirSync(path.join(source, 'reviews'))
  const originals = files
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(path.join(source, 'reviews', f), 'utf8'))
    .filter((text) => !/^draft: true$/m.test(text) && !/^publishAt:/m.test(text))
  for (let i = 0; i < count - files.length; i++) {
    // Read as YAML, whatever style the editor saved it in: a new headline, no old URLs.
    const original = originals[i % originals.length] ?? ''
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(original) ?? []
    const data = parse(frontmatter) as Record<string, unknown>
    data.headline = `${String(data.headline)} (${i + 1})`
    delete data.redirectFrom
    const text = `---\n${stringify(data)}---\n${body}`
    writeFileSync(
      path.join(target, 'reviews', `generated-${String(i + 1).padStart(5, '0')}.mdx`),
      text,
    )
  }
}
