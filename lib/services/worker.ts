import type { Round } from '@/lib/mail/owed'

export type Task = { name: string; round: () => Promise<Round> }

export type Worker = {
  /** Work is waiting (an email was just owed, a send started): look now, not at the next poll. */
  wake(): void
  /** Finishes the round in hand, then stops. */
  stop(): Promise<void>
}

export type WorkerOptions = {
  /** How often an idle worker looks for work another instance (or a retry) made due. */
  idleMs?: number
  /** After a task's temporary failure, its rest before the next round, doubling to `maxPauseMs`. */
  pauseMs?: number
  maxPauseMs?: number
  log?: (line: string) => void
}

/**
 * THE SITE'S WORKER, in the server's own process (started once, from instrumentation.ts through
 * lib/services): it runs each task's rounds in turn while any has work, and rests between polls
 * when none has. A task whose round meets a temporary failure (the mail server down) rests alone,
 * longer each time, while the others go on. One round at a time, so the work never takes more
 * than its share of the process from the readers it serves.
 */
export function startWorker(tasks: Task[], options: WorkerOptions = {}): Worker {
  const { idleMs = 2_000, pauseMs = 5_000, maxPauseMs = 60_000 } = options
  const log = options.log ?? ((line: string) => console.error(line))
  const restUntil = new Map<string, number>()
  const pauses = new Map<string, number>()
  let stopped = false
  let wakeUp: (() => void) | undefined
  /** Woken during a round: the next wait is skipped, as what woke it may have come too late for it. */
  let woken = false

  const rest = (task: Task, why: string) => {
    const pause = pauses.get(task.name) ?? pauseMs
    restUntil.set(task.name, Date.now() + pause)
    pauses.set(task.name, Math.min(pause * 2, maxPauseMs))
    log(`worker: ${task.name}: ${why}; resting ${Math.round(pause / 1000)} s`)
  }

  const loop = (async () => {
    while (!stopped) {
      let busy = false
      woken = false
      for (const task of tasks) {
        if (stopped || (restUntil.get(task.name) ?? 0) > Date.now()) continue
        try {
          const { handled, failure } = await task.round()
          if (failure !== undefined) rest(task, `temporary failure (${failure})`)
          else {
            pauses.delete(task.name)
            busy ||= handled > 0
          }
        } catch (error) {
          rest(task, error instanceof Error ? error.message : String(error))
        }
      }
      if (!busy && !woken && !stopped)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs)
          wakeUp = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      wakeUp = undefined
    }
  })()

  return {
    wake() {
      woken = true
      wakeUp?.()
    },
    async stop() {
      stopped = true
      wakeUp?.()
      await loop
    },
  }
}
