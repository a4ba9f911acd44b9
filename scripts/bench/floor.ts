import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { linkNodeModules } from '../project-copy'
import { startNext } from './servers'

/**
 * The framework floor: an empty Next App Router page (one heading, one sentence, no font, no
 * image, no script of ours), built with this project's own Next and React and served by
 * `next start`, so that each page's Lighthouse figures can be read as a ratio to it.
 */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ private: true, name: 'intertitle-floor' }),
  'app/layout.jsx': `export const metadata = { title: 'Floor', description: 'An empty page.' }
export default function Layout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`,
  'app/page.jsx': `export default function Page() {
  return (
    <main>
      <h1>The framework floor</h1>
      <p>An App Router page with nothing of the site on it.</p>
    </main>
  )
}
`,
}

export type Floor = { url: string; stop: () => Promise<void> }

export async function startFloor(root: string, port: number): Promise<Floor> {
  const dir = mkdtempSync(path.join(tmpdir(), 'intertitle-floor-'))
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  linkNodeModules(root, dir)
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  const next = path.join(dir, 'node_modules/.bin/next')
  const built = spawnSync(next, ['build'], { cwd: dir, env, encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`the floor page did not build:\n${built.stderr}`)
  const server = await startNext(dir, port, {}, '/', { framework: true })
  return {
    url: server.url + '/',
    stop: async () => {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
