import path from 'node:path'

/** Shared by the setup that builds the scheduled copy of the site and the spec that watches it. */
export const schedule = {
  dir: path.join(process.cwd(), '.scheduled-e2e'),
  file: path.join(process.cwd(), '.scheduled-e2e', 'schedule.json'),
  slug: 'scheduled-soon-e2e',
  /**
   * Must cover the copy's build and the server's start: 52–84 s on this 2-core machine, the build
   * having it to itself (56 s in CI since the copy skips writing Turbopack's cache). Every second
   * beyond holds one of the suite's two workers asleep in the scheduling spec.
   */
  leadSeconds: Number(process.env.SCHEDULE_LEAD_SECONDS ?? 120),
}

export type Schedule = { publishAt: string }
