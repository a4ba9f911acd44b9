import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'

/** What a copy of the project needs to build and run (sources, content, configuration). */
export const PROJECT_ENTRIES = [
  'app',
  'components',
  'content',
  'lib',
  'public',
  'scripts',
  'instrumentation.ts',
  'proxy.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.scripts.json',
  'next.config.mjs',
  'postcss.config.mjs',
  'contentlayer.config.ts',
  'keystatic.config.ts',
  'published-urls.txt',
]

/**
 * A copy of the project to build separately (its own .next and .contentlayer), inside the
 * project so Next takes the project's lockfile and node_modules as its root.
 */
export function copyProject(root: string, target: string): string {
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  for (const entry of PROJECT_ENTRIES)
    cpSync(path.join(root, entry), path.join(target, entry), { recursive: true })
  symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'))
  return target
}
