import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const folder = mkdtempSync(path.join(tmpdir(), 'editor-normalise-'))
const content = path.join(folder, 'content')
cpSync('content', content, { recursive: true })
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('npm run editor:normalise', { timeout: 60_000 }, () => {
  it("rewrites a collection's file the editor's way and leaves the staff list alone", async () => {
    const staff = readFileSync(path.join(content, 'staff.yaml'), 'utf8')
    const critics = path.join(content, 'critics')
    const critic = path.join(
      critics,
      readdirSync(critics).find((f) => f.endsWith('.yaml'))!,
    )
    // Quoted as a hand might write it; the editor writes the same value unquoted.
    const original = readFileSync(critic, 'utf8')
    writeFileSync(
      critic,
      original.replace(/^name: (.+)$/m, (_, name: string) => `name: '${name}'`),
    )

    const { stdout } = await run('npm', ['run', '--silent', 'editor:normalise'], {
      env: { ...process.env, CONTENT_DIR: content },
    })
    expect(stdout).toMatch(/^Normalised 1 of \d+ content files/m)
    expect(readFileSync(critic, 'utf8')).toBe(original)
    expect(readFileSync(path.join(content, 'staff.yaml'), 'utf8')).toBe(staff)
  })
})
