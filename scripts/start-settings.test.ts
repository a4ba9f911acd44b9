import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { allocatorSettings, imageAllocatorSettings } from './allocator-settings'

test('the Docker image runs its server with the allocator settings `npm start` gives it', () => {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } })
    .scripts.start
  const fromStart = allocatorSettings(start)
  expect(Object.keys(fromStart).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_'])
  expect(imageAllocatorSettings()).toEqual(fromStart)
})
