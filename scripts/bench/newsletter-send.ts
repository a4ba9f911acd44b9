import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../lib/db'
import { seedReaders, sendCommand } from '../testing/newsletter'
import { startTestSmtp } from '../testing/smtp'

export type SendRun = {
  messages: number
  seconds: number
  messagesPerSecond: number
  /** The sender process's peak resident memory (GNU time), or null without /usr/bin/time. */
  peakMemoryMiB: number | null
}

/**
 * `newsletter:send` of one issue to `readers` confirmed readers on the embedded database, unpaced,
 * into a local SMTP server (smtp-server, parsing each message as a provider would): messages a
 * second as the command reports them, and its peak memory.
 */
export async function sendThroughput(readers = 10_000): Promise<SendRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-bench-send-'))
  const smtp = await startTestSmtp()
  try {
    const db = await openDatabase({ dataDir })
    await seedReaders(db, { confirmed: readers }).finally(() => db.close())
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'PEAK_KB=%M', process.execPath, ...sendCommand('june-2025')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          SMTP_URL: smtp.url,
          NEWSLETTER_SEND_RATE: '1000000',
        },
      },
    )
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [code] = (await once(child, 'exit')) as [number]
    const done = /done\. (\d+) sent.* in ([\d.]+) s/.exec(stderr)
    if (code !== 0 || !done) throw new Error(`newsletter:send failed:\n${stderr.slice(-2000)}`)
    const peak = /PEAK_KB=(\d+)/.exec(stderr)?.[1]
    const [messages, seconds] = [Number(done[1]), Number(done[2])]
    return {
      messages,
      seconds,
      messagesPerSecond: Math.round(messages / seconds),
      peakMemoryMiB: peak ? Math.round(Number(peak) / 1024) : null,
    }
  } finally {
    await smtp.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
