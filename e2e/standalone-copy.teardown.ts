import { existsSync, rmSync } from 'node:fs'
import { test as teardown } from '@playwright/test'
import { readStandaloneCopy, standaloneCopy } from './support/standalone-copy'

/** Runs once every spec that uses the standalone copy has finished, passed or not. */
teardown('remove the standalone copy of the site', () => {
  if (!existsSync(standaloneCopy.file)) return
  rmSync(readStandaloneCopy().dir, { recursive: true, force: true })
  rmSync(standaloneCopy.file, { force: true })
})
