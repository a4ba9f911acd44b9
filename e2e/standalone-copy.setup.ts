import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { expect, test as setup } from '@playwright/test'
import { copyProjectOutside } from '../scripts/project-copy'
import { standaloneCopy, type StandaloneCopy } from './support/standalone-copy'

/**
 * Builds the suite's second copy of the site (./standalone-copy.ts) before the browser projects
 * start: the build then has the machine to itself and the scheduled piece's lead only needs to
 * cover it. One build serves the scheduling spec and the standalone spec.
 */
setup(
  'build a standalone copy of the site with a piece scheduled a few minutes ahead',
  async () => {
    setup.setTimeout((standaloneCopy.leadSeconds + 60) * 1000)
    const root = process.cwd()
    const dir = copyProjectOutside(root, 'intertitle-standalone-copy-')
    const publishAt = new Date(Date.now() + standaloneCopy.leadSeconds * 1000)
    const record = (serverJs: string) =>
      writeFileSync(
        standaloneCopy.file,
        JSON.stringify({
          dir,
          serverJs,
          publishAt: publishAt.toISOString(),
        } satisfies StandaloneCopy),
      )
    // Recorded at once, so that the teardown removes the copy even if its build fails.
    record('')
    const flagship = readFileSync(path.join(root, 'content/reviews/ballerina-2025.mdx'), 'utf8')
    // The flagship's frontmatter, read as YAML (whatever style the editor saved it in), retitled,
    // re-dated and without the old URLs that stay the flagship's.
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(flagship) ?? []
    const data = parse(frontmatter) as Record<string, unknown>
    data.headline = 'Scheduled Soon: a piece that publishes itself'
    data.date = publishAt.toISOString()
    delete data.redirectFrom
    writeFileSync(
      path.join(dir, 'content/reviews', `${standaloneCopy.slug}.mdx`),
      `---\n${stringify(data)}---\n${body}`,
    )
    // A developer's outbox (readers' addresses) and embedded database lie where the defaults write
    // them: planted there, the standalone build must not trace them in (the standalone spec looks).
    for (const [file, text] of [
      [
        'data/outbox/standalone-decoy.eml',
        'To: reader@example.com\r\n\r\nNot for a deployment.\r\n',
      ],
      ['data/newsletter-decoy/PG_VERSION', '17\n'],
    ] as const) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), text)
    }
    // The Dockerfile's build (`npm run build:standalone`), with only the newest two reviews
    // prerendered: the flagship is older, so the standalone spec sees it rendered on first request.
    const build = spawnSync('npm', ['run', 'build:standalone'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PRERENDERED_REVIEWS: '2',
        NEXT_TELEMETRY_DISABLED: '1',
        INTERTITLE_TURBOPACK_CACHE: '0',
      },
    })
    expect(build.status, build.stderr + build.stdout.slice(-2000)).toBe(0)
    // standalone:assemble, its last step, prints where the server is
    const serverJs = build.stdout.trim().split('\n').at(-1) ?? ''
    expect(existsSync(serverJs), build.stdout.slice(-2000)).toBe(true)
    record(serverJs)
  },
)
