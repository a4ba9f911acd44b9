import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { defineConfig, devices } from '@playwright/test'

import { E2E_PREVIEW_SECRET } from './e2e/support/fixtures'

const PORT = Number(process.env.E2E_PORT ?? 3210)
const chromium = '/usr/bin/chromium'
/** Specs that start servers of their own, run once rather than per browser. */
const serverOnly = [
  'hardening.spec.ts',
  'standalone.spec.ts',
  'shared-cache.spec.ts',
  'editor-writes-in-the-browser.spec.ts',
  'reader-confirms-and-leaves.spec.ts',
  'staff-signs-in.spec.ts',
  'marketing-sends-the-newsletter.spec.ts',
  'server-stops-cleanly.spec.ts',
]
/** The signup bursts: alone at the end, not beside the builds above, so what they load is the server. */
const loadOnly = ['newsletter-load.spec.ts']
const serverSpecs = [
  'scheduled-publishing.spec.ts',
  'standalone-copy.setup.ts',
  'standalone-copy.teardown.ts',
  ...serverOnly,
  ...loadOnly,
]

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // Two at least: Playwright's default, half the cores, is one worker on a 2-core machine, where
  // CI's two run the browser tests in 14–15 minutes.
  workers: process.env.CI ? 2 : Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    launchOptions: {
      // Debian's Chromium when present (the network is closed: no browser download).
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // Builds the standalone copy of the site, a piece scheduled ahead in it, before the browsers
    // compete for the CPU (e2e/support/standalone-copy.ts); removed once every project after it is done.
    {
      name: 'standalone-copy',
      testMatch: 'standalone-copy.setup.ts',
      teardown: 'standalone-copy-removed',
    },
    { name: 'standalone-copy-removed', testMatch: 'standalone-copy.teardown.ts' },
    {
      name: 'scheduling',
      testMatch: 'scheduled-publishing.spec.ts',
      dependencies: ['standalone-copy'],
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testIgnore: serverSpecs,
      dependencies: ['standalone-copy'],
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], channel: undefined },
      testIgnore: serverSpecs,
      dependencies: ['standalone-copy'],
    },
    // Start servers of their own (each database, hostile input) and load them hard: last, on a quiet machine.
    { name: 'server', testMatch: serverOnly, dependencies: ['desktop', 'phone'] },
    { name: 'load', testMatch: loadOnly, dependencies: ['server'] },
  ],
  webServer: {
    // as production starts it (package.json's start: server.mjs and its allocator settings)
    command: `PORT=${PORT} HOSTNAME=127.0.0.1 npm start`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // Signups from the tests go to their own embedded database, not the developer's. The tests
    // play the proxy in front (e2e/support/servers.ts): each names its own client in X-Forwarded-For.
    env: { PREVIEW_SECRET: E2E_PREVIEW_SECRET, DATA_DIR: '.e2e-data', TRUSTED_PROXIES: '1' },
  },
})
