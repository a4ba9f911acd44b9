import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { SourceFile } from '@/lib/content/check/validate'

/** Every content file under `dir`, with paths as an editor sees them (relative to the project). */
export function readContentFiles(dir: string, root: string = process.cwd()): SourceFile[] {
  const out: SourceFile[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.(mdx|ya?ml)$/.test(name))
        out.push({
          path: path.relative(root, full).split(path.sep).join('/'),
          text: readFileSync(full, 'utf8'),
        })
    }
  }
  walk(dir)
  return out
}

export function publicImageExists(publicDir: string) {
  return (src: string) =>
    src.startsWith('/') && !src.includes('..') && existsSync(path.join(publicDir, src))
}
