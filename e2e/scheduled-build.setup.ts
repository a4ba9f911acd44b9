import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { expect, test as setup } from '@playwright/test'
import { copyProject } from '../scripts/project-copy'
import { schedule, type Schedule } from './schedule'

/**
 * Builds a copy of the site whose content holds one more review, scheduled a few minutes
 * ahead, before the browser projects start: the build then has the machine to itself and
 * the lead only needs to cover it.
 */
setup('build a copy of the site with a piece scheduled a few minutes ahead', async () => {
  setup.setTimeout((schedule.leadSeconds + 60) * 1000)
  const root = process.cwd()
  copyProject(root, schedule.dir)
  const publishAt = new Date(Date.now() + schedule.leadSeconds * 1000)
  const flagship = readFileSync(path.join(root, 'content/reviews/ballerina-2025.mdx'), 'utf8')
  // The flagship's frontmatter, read as YAML (whatever style the editor saved it in), retitled,
  // re-dated and without the old URLs that stay the flagship's.
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(flagship) ?? []
  const data = parse(frontmatter) as Record<string, unknown>
  data.headline = 'Scheduled Soon: a piece that publishes itself'
  data.date = publishAt.toISOString()
  delete data.redirectFrom
  writeFileSync(
    path.join(schedule.dir, 'content/reviews', `${schedule.slug}.mdx`),
    `---\n${stringify(data)}---\n${body}`,
  )
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: schedule.dir,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', INTERTITLE_TURBOPACK_CACHE: '0' },
  })
  expect(build.status, build.stderr + build.stdout.slice(-2000)).toBe(0)
  const built: Schedule = { publishAt: publishAt.toISOString() }
  writeFileSync(schedule.file, JSON.stringify(built))
})
