import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

import { E2E_PREVIEW_SECRET } from './e2e/fixtures'

const PORT = Number(process.env.E2E_PORT ?? 3210)
const chromium = '/usr/bin/chromium'

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    launchOptions: {
      // Debian's Chromium when present (the network is closed: no browser download).
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // Builds its own copy of the site and waits for a piece to go live: started first.
    { name: 'scheduling', testMatch: 'scheduled-publishing.spec.ts' },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: 'scheduled-publishing.spec.ts' },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, testIgnore: 'scheduled-publishing.spec.ts' },
  ],
  webServer: {
    command: `npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { PREVIEW_SECRET: E2E_PREVIEW_SECRET },
  },
})
