import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { checkUrlHistory, mergeUrlHistory, parseUrlHistory } from '@/lib/content/url-history'

const run = promisify(execFile)
const dir = mkdtempSync(path.join(tmpdir(), 'intertitle-urls-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('URL history', () => {
  it('finds once-published URLs that no longer resolve, and only adds', () => {
    const history = parseUrlHistory('# header\n/reviews/a\n/reviews/b\n')
    expect(checkUrlHistory(history, new Set(['/reviews/a']))).toEqual(['/reviews/b'])
    expect(mergeUrlHistory(history, ['/reviews/c'])).toEqual([
      '/reviews/a',
      '/reviews/b',
      '/reviews/c',
    ])
  })

  it('npm run urls:check fails on a renamed slug with no redirect, and passes on the committed history', async () => {
    const file = path.join(dir, 'published-urls.txt')
    writeFileSync(
      file,
      `${readFileSync('published-urls.txt', 'utf8')}/reviews/a-slug-that-was-renamed\n`,
    )
    const failure = await run('npm', ['run', '--silent', 'urls:check'], {
      env: { ...process.env, URL_HISTORY_FILE: file },
    }).catch((e: { code: number; stderr: string }) => e)
    expect('code' in failure && failure.code).toBe(1)
    expect('stderr' in failure && failure.stderr).toContain(
      '/reviews/a-slug-that-was-renamed was published and no longer resolves',
    )

    writeFileSync(file, readFileSync('published-urls.txt', 'utf8'))
    const ok = await run('npm', ['run', '--silent', 'urls:check'], {
      env: { ...process.env, URL_HISTORY_FILE: file },
    })
    expect(ok.stdout).toContain('all resolve')
  }, 60_000)
})
