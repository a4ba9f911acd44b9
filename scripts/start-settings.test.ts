import { expect, test } from 'vitest'
import { allocatorSettings, imageAllocatorSettings, startCommand } from './start-settings'

test('the Docker image runs its server with the allocator settings `npm start` gives it', () => {
  const fromStart = allocatorSettings(startCommand)
  expect(Object.keys(fromStart).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_'])
  expect(imageAllocatorSettings()).toEqual(fromStart)
})
