import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../lib/db'
import { seedReaders, sendCommand } from '../testing/newsletter'
import { startTestSmtp } from '../testing/smtp'
import { startNext } from './servers'

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

export type Latency = { requests: number; p50Ms: number; p95Ms: number }
export type PagesDuringSend = {
  emails: number
  sendSeconds: number
  idle: Latency
  sending: Latency
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** Two readers loading `paths` in turn, one page after another, until `done()`: each page's time. */
async function pageLatency(base: string, paths: string[], done: () => boolean): Promise<Latency> {
  const times: number[] = []
  const reader = async (offset: number) => {
    for (let i = offset; !done(); i++) {
      const started = performance.now()
      const response = await fetch(base + paths[i % paths.length]!, {
        headers: { 'accept-encoding': 'br' },
      })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${paths[i % paths.length]}: ${response.status}`)
      times.push(performance.now() - started)
    }
  }
  await Promise.all([reader(0), reader(1)])
  times.sort((a, b) => a - b)
  return {
    requests: times.length,
    p50Ms: Math.round(percentile(times, 50) * 10) / 10,
    p95Ms: Math.round(percentile(times, 95) * 10) / 10,
  }
}

/**
 * Readers' page requests while the site itself sends the issue to `readers` (the desk's send, in
 * the server's own process, unpaced, into a local SMTP server), against the same requests on the
 * idle server: p50 and p95 of each, on the embedded database.
 */
export async function pagesDuringSend(
  root: string,
  port: number,
  paths: string[],
  readers = 10_000,
): Promise<PagesDuringSend> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'intertitle-bench-desk-'))
  const smtp = await startTestSmtp({ headersOnly: true })
  const secret = 'bench-preview-secret-0123456789'
  try {
    const db = await openDatabase({ dataDir })
    await seedReaders(db, { confirmed: readers }).finally(() => db.close())
    const server = await startNext(
      root,
      port,
      {
        DATA_DIR: dataDir,
        SMTP_URL: smtp.url,
        PREVIEW_SECRET: secret,
        NEWSLETTER_SEND_RATE: '1000000',
      },
      '/robots.txt',
    )
    try {
      // Warm: every page rendered and cached once, as a live site's are.
      for (const p of paths) await (await fetch(server.url + p)).arrayBuffer()
      const idleUntil = Date.now() + 10_000
      const idle = await pageLatency(server.url, paths, () => Date.now() > idleUntil)
      const started = Date.now()
      const response = await fetch(`${server.url}/api/newsletter/sends`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}` },
        body: JSON.stringify({ issue: 'june-2025' }),
      })
      if (response.status !== 201) throw new Error(`the send did not start: ${response.status}`)
      const sending = await pageLatency(server.url, paths, () => smtp.messages.length >= readers)
      return {
        emails: smtp.messages.length,
        sendSeconds: (Date.now() - started) / 1000,
        idle,
        sending,
      }
    } finally {
      await server.stop()
    }
  } finally {
    await smtp.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
