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
    environment: 'node',
    // Vitest leaves a core free by default: one file at a time on a 2-core machine. The slow files
    // spend much of their time in processes they start (a sender killed mid-run, builds,
    // PostgreSQL), so two at a time: the unit tests took 321 s one at a time, 228–237 s two.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    // Two projects: `unit` runs in this process alone (in-memory, or a server of its own on
    // loopback); `integration` (`*.integration.test.ts`) starts databases, SMTP servers, builds or
    // the project's commands. `npx vitest --project unit` is the quick loop.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['lib/**/*.integration.test.ts', 'scripts/**/*.integration.test.ts'],
        },
      },
    ],
  },
})
