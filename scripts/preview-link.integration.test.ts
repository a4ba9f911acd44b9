import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const previewLink = (slug: string) =>
  run('npm', ['run', '--silent', 'preview-link', '--', slug], {
    env: {
      ...process.env,
      PREVIEW_SECRET: 'a-test-secret-of-enough-length',
      DATABASE_URL: '',
      // No server here: an unpublished piece gets as far as asking for one, and no further.
      SITE_URL: 'http://127.0.0.1:9',
    },
  }).catch((e: { code: number; stderr: string }) => e)

describe('npm run preview-link', { timeout: 60_000 }, () => {
  it('makes no share link for a published piece, and says why', async () => {
    const refused = await previewLink('ballerina-2025')
    expect('code' in refused && refused.code).toBe(1)
    expect('stderr' in refused && refused.stderr).toContain(
      '"ballerina-2025" is published: share its public address instead',
    )
  })

  it('takes an unpublished piece (then needs the running site to record it)', async () => {
    const draft = await previewLink('the-lantern-keeper-2025')
    expect('stderr' in draft && draft.stderr).not.toContain('is published')
    expect('stderr' in draft && draft.stderr).not.toContain('No review')
  })
})
