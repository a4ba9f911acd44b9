import path from 'node:path'

/** Shared by the setup that builds the scheduled copy of the site and the spec that watches it. */
export const schedule = {
  dir: path.join(process.cwd(), '.scheduled-e2e'),
  file: path.join(process.cwd(), '.scheduled-e2e', 'schedule.json'),
  slug: 'scheduled-soon-e2e',
  /** Must cover the copy's build and the server's start. */
  leadSeconds: Number(process.env.SCHEDULE_LEAD_SECONDS ?? 240),
}

export type Schedule = { publishAt: string }
