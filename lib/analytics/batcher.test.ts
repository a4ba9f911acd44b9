import { describe, expect, it } from 'vitest'
import { createBatcher } from './batcher'

describe('the batch of page views', () => {
  it('writes in batches of at most maxBatch, in order, and keeps a failed batch for the next try', async () => {
    const written: number[][] = []
    let fail = true
    const errors: unknown[] = []
    const batcher = createBatcher<number>({
      write: async (items) => {
        if (fail) throw new Error('database down')
        written.push(items)
      },
      maxBatch: 3,
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    })
    for (let i = 0; i < 7; i++) expect(batcher.push(i)).toBe(true)
    await expect(batcher.flush()).rejects.toThrow('7 page views not stored yet')
    expect(errors.length).toBeGreaterThan(0)
    expect(batcher.queued).toBe(7)
    fail = false
    await batcher.flush()
    expect(written).toEqual([[0, 1, 2], [3, 4, 5], [6]])
    expect(batcher.queued).toBe(0)
  })

  it('refuses more than maxQueued waiting items rather than growing without end', () => {
    const batcher = createBatcher<number>({
      write: () => new Promise(() => {}),
      maxBatch: 100,
      maxQueued: 2,
      intervalMs: 60_000,
    })
    expect([batcher.push(1), batcher.push(2), batcher.push(3)]).toEqual([true, true, false])
  })
})
