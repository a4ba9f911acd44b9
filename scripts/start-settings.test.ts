import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

/** Every `MALLOC_…=value` a command or Dockerfile sets, the value read past a `${NAME:-…}` default. */
const allocatorSettings = (text: string) =>
  Object.fromEntries(
    [...text.matchAll(/\b(MALLOC_[A-Z_]+)=(?:\$\{\1:-)?(\d+)/g)].map(([, name, value]) => [
      name,
      value,
    ]),
  )

test('the Docker image runs its server with the allocator settings `npm start` gives it', () => {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } })
    .scripts.start
  const fromStart = allocatorSettings(start)
  expect(Object.keys(fromStart).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_'])
  expect(allocatorSettings(readFileSync('Dockerfile', 'utf8'))).toEqual(fromStart)
})
