import { availableParallelism } from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve('.'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Vitest leaves a core free by default: one file at a time on a 2-core machine. The slow files
    // spend much of their time in processes they start (a sender killed mid-run, builds,
    // PostgreSQL), so two at a time: the unit tests took 321 s one at a time, 228–237 s two.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
  },
})
