import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
  'server.mjs',
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

/**
 * A copy of the project in a new temporary folder outside the checkout, with its own lockfile (so
 * Next takes the copy as its root: inside the checkout, it took the checkout's) and its
 * `.gitignore` (the editor reads every file it does not ignore). Its node_modules is hard-linked:
 * Turbopack refuses a symlink that leads outside the root, and hard links cost no space.
 */
export function copyProjectOutside(root: string, prefix: string): string {
  const target = mkdtempSync(path.join(tmpdir(), prefix))
  for (const entry of [...PROJECT_ENTRIES, 'package-lock.json', '.gitignore'])
    cpSync(path.join(root, entry), path.join(target, entry), { recursive: true })
  linkNodeModules(root, target)
  return target
}

/** The project's node_modules hard-linked into target: Turbopack refuses a symlinked one. */
export function linkNodeModules(root: string, target: string): void {
  const linked = spawnSync('cp', ['-al', path.join(root, 'node_modules'), target], {
    encoding: 'utf8',
  })
  if (linked.status !== 0) throw new Error(`linking node_modules failed: ${linked.stderr}`)
}
