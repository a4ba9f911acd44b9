import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * The suite's second build, made by standalone-copy.setup.ts before the browser projects start: a
 * copy of the site outside the checkout, built as the Dockerfile builds it (standalone, only the
 * newest two reviews prerendered), whose content holds one more review scheduled a few minutes
 * ahead. The scheduling spec watches that piece go live; the standalone spec checks the deployable.
 */
export const standaloneCopy = {
  /** Where the setup records the copy (in the checkout, so that two checkouts never share one). */
  file: path.join(process.cwd(), '.standalone-copy.json'),
  slug: 'scheduled-soon-e2e',
  /**
   * Must cover the copy's build and the server's start: ~60–90 s on this 2-core machine, the build
   * having it to itself. Every second beyond holds one of the suite's two workers asleep in the
   * scheduling spec.
   */
  leadSeconds: Number(process.env.SCHEDULE_LEAD_SECONDS ?? 120),
}

export type StandaloneCopy = {
  /** The copy of the project (its sources, content and `.next`). */
  dir: string
  /** The assembled deployable's server, `<dir>/.next/standalone/server.mjs`. */
  serverJs: string
  /** When the scheduled piece goes live. */
  publishAt: string
}

export function readStandaloneCopy(): StandaloneCopy {
  return JSON.parse(readFileSync(standaloneCopy.file, 'utf8')) as StandaloneCopy
}

/**
 * The assembled deployable, copied into a new folder outside the project as the image holds it:
 * nothing it needs may come from the project's node_modules (module resolution climbs parent
 * folders), and the pages its server caches land there, not in the build another spec reads.
 */
export function deployStandaloneCopy(): { folder: string; serverJs: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'intertitle-deployed-'))
  cpSync(path.dirname(readStandaloneCopy().serverJs), folder, {
    recursive: true,
    verbatimSymlinks: true,
  })
  return { folder, serverJs: path.join(folder, 'server.mjs') }
}
