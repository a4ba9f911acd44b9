import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { listen } from '@/scripts/testing/http'
import { stopServer } from './shutdown.mjs'

/** A real HTTP server whose one route answers after `ms`. */
async function slowServer(ms: number) {
  const server = http.createServer((_request, response) => {
    setTimeout(() => response.end('done'), ms)
  })
  await listen(server)
  const { port } = server.address() as AddressInfo
  return { server, get: () => fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()) }
}

describe('a clean stop', () => {
  it('lets a running request finish, then runs the steps in order, then exits 0', async () => {
    const { server, get } = await slowServer(300)
    const events: string[] = []
    const answer = get().then((text) => events.push(`answered ${text}`))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const exited = new Promise<number>((resolve) =>
      stopServer(server, {
        steps: [
          { name: 'flush', run: async () => void events.push('flush') },
          { name: 'close', run: async () => void events.push('close') },
        ],
        exit: resolve,
        log: () => undefined,
      }),
    )
    expect(await exited).toBe(0)
    await answer
    expect(events).toEqual(['answered done', 'flush', 'close'])
  })

  it('exits 1 by its deadline when a step hangs, and 1 when one fails after the others ran', async () => {
    const hung = await slowServer(0)
    const started = Date.now()
    const code = await new Promise<number>((resolve) =>
      stopServer(hung.server, {
        deadlineMs: 300,
        steps: [{ name: 'stuck', run: () => new Promise(() => undefined) }],
        exit: resolve,
        log: () => undefined,
      }),
    )
    expect(code).toBe(1)
    expect(Date.now() - started).toBeLessThan(1_000)

    const failing = await slowServer(0)
    const ran: string[] = []
    const failed = await new Promise<number>((resolve) =>
      stopServer(failing.server, {
        steps: [
          { name: 'broken', run: () => Promise.reject(new Error('no')) },
          { name: 'after', run: async () => void ran.push('after') },
        ],
        exit: resolve,
        log: () => undefined,
      }),
    )
    expect(failed).toBe(1)
    expect(ran).toEqual(['after'])
  })
})
