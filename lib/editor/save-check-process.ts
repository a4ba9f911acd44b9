import { spawn } from 'node:child_process'
import path from 'node:path'
import type { SaveRequest } from './save-check'

/** The content check on a save, in a child process (scripts/editor-check-save.ts). */
export function checkSaveInChild(save: SaveRequest, root = process.cwd()): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'tsconfig.scripts.json', 'scripts/editor-check-save.ts'],
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`content check of the save exited with ${code}`))
      try {
        resolve(JSON.parse(out) as string[])
      } catch (error) {
        reject(error as Error)
      }
    })
    child.stdin.end(JSON.stringify(save))
  })
}
