import { describe, expect, it } from 'vitest'
import { startWorker } from './worker'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the worker', () => {
  it('works while there is work, looks again when woken, and a failing task rests alone', async () => {
    const rounds = { mail: 0, issue: 0 }
    let mailWaiting = 3
    let issueFails = true
    const lines: string[] = []
    const worker = startWorker(
      [
        {
          name: 'mail',
          round: async () => {
            rounds.mail++
            const handled = mailWaiting > 0 ? 1 : 0
            mailWaiting -= handled
            return { handled }
          },
        },
        {
          name: 'issue',
          round: async () => {
            rounds.issue++
            return issueFails ? { handled: 0, failure: 'server down' } : { handled: 0 }
          },
        },
      ],
      { idleMs: 60_000, pauseMs: 60_000, log: (line) => void lines.push(line) },
    )
    await sleep(50)
    // The three waiting were sent one round after another, then it went idle (its poll is a minute).
    expect(mailWaiting).toBe(0)
    const idle = rounds.mail
    expect(idle).toBe(4)
    // The failing task ran once and rests (a minute), logging why.
    expect(rounds.issue).toBe(1)
    expect(lines).toEqual(['worker: issue: temporary failure (server down); resting 60 s'])

    // Woken, it looks at once: the new email goes without waiting for the poll.
    mailWaiting = 1
    issueFails = false
    worker.wake()
    await sleep(50)
    expect(mailWaiting).toBe(0)
    expect(rounds.mail).toBeGreaterThan(idle)
    // ...but the resting task still rests.
    expect(rounds.issue).toBe(1)
    await worker.stop()
  })
})
