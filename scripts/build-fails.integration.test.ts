import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dir = mkdtempSync(path.join(tmpdir(), 'intertitle-content-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `npm run <script>` on a copy of the real content with one file broken. */
async function runOnBrokenCopy(script: string, file: string, edit: (text: string) => string) {
  const content = path.join(dir, script.replace(':', '-'))
  cpSync('content', content, { recursive: true })
  const target = path.join(content, file)
  writeFileSync(target, edit(readFileSync(target, 'utf8')))
  try {
    await run('npm', ['run', '--silent', script], { env: { ...process.env, CONTENT_DIR: content } })
    return { code: 0, stderr: '' }
  } catch (error) {
    const e = error as { code: number; stderr: string }
    return { code: e.code, stderr: e.stderr }
  }
}

describe('bad content fails the build', () => {
  it('npm run build stops on a bad date, naming the file, line and field', async () => {
    const result = await runOnBrokenCopy('build', 'reviews/ballerina-2025.mdx', (t) =>
      t.replace('date: 2025-06-05', 'date: 2025-06-31'),
    )
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/reviews\/ballerina-2025\.mdx:8 date: is not a real date/)
  }, 60_000)

  it('npm run content:check reports an unknown critic', async () => {
    const result = await runOnBrokenCopy('content:check', 'reviews/ballerina-2025.mdx', (t) =>
      t.replace('critic: hannah-okafor', 'critic: nobody'),
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/reviews\/ballerina-2025\.mdx:7 critic: unknown critic "nobody"/)
  }, 60_000)
})
