/**
 * Collects items and writes them in batches, at most every `intervalMs` (or at once when a batch
 * is full), so that no request waits on the database. A failed write keeps its items for the next
 * attempt; beyond `maxQueued` waiting items `push` refuses more (the caller answers 503).
 */
export type Batcher<T> = {
  push(item: T): boolean
  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void>
  /** How many items wait. */
  readonly queued: number
}

export type BatcherOptions<T> = {
  write(items: T[]): Promise<void>
  maxBatch?: number
  intervalMs?: number
  maxQueued?: number
  onError?(error: unknown): void
}

export function createBatcher<T>({
  write,
  maxBatch = 1000,
  intervalMs = 1000,
  maxQueued = 200_000,
  onError = (error) => console.error('analytics: could not store page views', error),
}: BatcherOptions<T>): Batcher<T> {
  let queue: T[] = []
  let writing: Promise<void> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch)
      try {
        await write(batch)
        queue = queue.slice(batch.length)
      } catch (error) {
        onError(error)
        return false
      }
    }
    return true
  }
  const run = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = undefined
    writing ??= drain().then((done) => {
      writing = undefined
      // Still items (a failed write, or pushed meanwhile): try again after the interval.
      if (!done || queue.length > 0) schedule()
    })
    return writing
  }
  const schedule = () => {
    if (timer || queue.length === 0) return
    timer = setTimeout(() => void run(), intervalMs)
    timer.unref?.()
  }
  return {
    push(item) {
      if (queue.length >= maxQueued) return false
      queue.push(item)
      if (queue.length >= maxBatch && !writing) void run()
      else schedule()
      return true
    },
    async flush() {
      while (writing) await writing
      await run()
      if (queue.length > 0) throw new Error(`analytics: ${queue.length} page views not stored yet`)
    },
    get queued() {
      return queue.length
    },
  }
}
