import { readFileSync } from 'node:fs'

const projectFile = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8')

/** What `npm start` runs (package.json): server.mjs with the allocator settings it is run with. */
export const startCommand = (
  JSON.parse(projectFile('package.json')) as { scripts: { start: string } }
).scripts.start

/** Every `MALLOC_…=value` a command or Dockerfile sets, the value read past a `${NAME:-…}` default. */
export const allocatorSettings = (text: string): Record<string, string> =>
  Object.fromEntries(
    [...text.matchAll(/\b(MALLOC_[A-Z_]+)=(?:\$\{\1:-)?(\d+)/g)].map(([, name, value]) => [
      name,
      value,
    ]),
  )

/** The C allocator's settings the Docker image runs its server with (docs/benchmarks.md). */
export const imageAllocatorSettings = () => allocatorSettings(projectFile('Dockerfile'))
