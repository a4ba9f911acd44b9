import { readFileSync } from 'node:fs'

/** Every `MALLOC_…=value` a command or Dockerfile sets, the value read past a `${NAME:-…}` default. */
export const allocatorSettings = (text: string): Record<string, string> =>
  Object.fromEntries(
    [...text.matchAll(/\b(MALLOC_[A-Z_]+)=(?:\$\{\1:-)?(\d+)/g)].map(([, name, value]) => [
      name,
      value,
    ]),
  )

/** The C allocator's settings the Docker image runs its server with (docs/benchmarks.md). */
export const imageAllocatorSettings = (root = process.cwd()) =>
  allocatorSettings(readFileSync(`${root}/Dockerfile`, 'utf8'))
