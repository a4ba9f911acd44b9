// @ts-check
/**
 * A clean stop (SIGTERM, SIGINT): what the app started must end before the process does, or
 * what it holds in memory is lost (the analytics batch, an email being sent). The app registers
 * its work here when it starts (instrumentation.ts, as it registers the beacon's collector in
 * ./beacon.mjs); server.mjs calls `stopServer` on the signal:
 *
 * 1. the server stops accepting, and running requests get up to `requestsMs` to finish (a beacon
 *    answered 202 has queued its view by then);
 * 2. each registered step runs, in the order registered (the app's: flush the analytics batch,
 *    stop the worker, close the database);
 * 3. the process exits: 0, or 1 when a step failed or the whole stop passed `deadlineMs`, so
 *    that a stuck step never keeps a stopping server alive.
 */

const KEY = Symbol.for('intertitle.shutdown-steps')

/** @typedef {{ name: string, run: () => Promise<void> }} Step */

/** @returns {Step[]} */
function steps() {
  const held = /** @type {Record<symbol, Step[] | undefined>} */ (globalThis)
  return (held[KEY] ??= [])
}

/**
 * Called by what the app starts (instrumentation.ts) with work to do before the process exits.
 * @param {string} name what the log names if it fails or hangs
 * @param {() => Promise<void>} run
 */
export function onShutdown(name, run) {
  steps().push({ name, run })
}

/**
 * Runs the steps in order; gives the names of those that failed.
 * @param {Step[]} steps
 * @param {(line: string) => void} log
 */
async function runSteps(steps, log) {
  /** @type {string[]} */
  const failed = []
  for (const step of steps) {
    log(`stopping: ${step.name}`)
    await step.run().catch((/** @type {unknown} */ error) => {
      failed.push(step.name)
      console.error(`stopping: ${step.name} failed`, error)
    })
  }
  return failed
}

/**
 * @typedef {object} StopOptions
 * @property {number} [requestsMs] how long running requests may take
 * @property {number} [deadlineMs] how long the whole stop may take
 * @property {Step[]} [steps] the registered steps unless given (tests)
 * @property {(code: number) => void} [exit]
 * @property {(line: string) => void} [log]
 */

/**
 * Stops `server` as above, then `exit`s.
 * @param {import('node:http').Server} server
 * @param {StopOptions} [options]
 */
export async function stopServer(server, options = {}) {
  const {
    requestsMs = 5_000,
    deadlineMs = 8_000,
    steps: toRun = steps(),
    exit = (code) => process.exit(code),
    log = (line) => console.error(line),
  } = options
  let stage = 'running requests'
  const deadline = setTimeout(() => {
    console.error(`stopping: gave up after ${deadlineMs} ms, still at: ${stage}`)
    exit(1)
  }, deadlineMs)
  await new Promise((resolve) => {
    // A kept-alive connection whose request finishes is closed as soon as it is idle; one still
    // running after `requestsMs` is cut off, as what follows must not wait for it.
    const idle = setInterval(() => server.closeIdleConnections(), 50)
    const cutOff = setTimeout(() => server.closeAllConnections(), requestsMs)
    server.close(() => {
      clearInterval(idle)
      clearTimeout(cutOff)
      resolve(undefined)
    })
    server.closeIdleConnections()
  })
  stage = 'the app'
  const failed = await runSteps(toRun, (line) => {
    stage = line
    log(line)
  })
  clearTimeout(deadline)
  log('stopped')
  exit(failed.length > 0 ? 1 : 0)
}
