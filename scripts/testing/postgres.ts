/**
 * A throwaway PostgreSQL server for tests (Vitest and Playwright alike, so no test-runner
 * imports here): a fresh cluster in a temporary folder, on a free port of 127.0.0.1, gone
 * again after `stop()`. It uses the machine's own PostgreSQL binaries (Debian's `postgresql`
 * package), newest version first, or those in PG_BIN.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

export type TestPostgres = {
  /** `postgres://postgres@127.0.0.1:<port>/intertitle_test`, trust authentication. */
  url: string
  /**
   * Fast shutdown (open sessions are rolled back), then the folder is deleted. Always call it:
   * the exit hook that otherwise stops the server runs when Node exits normally, not when it
   * is killed by a signal (as test runners end their workers), which leaves the server running.
   */
  stop(): Promise<void>
}

const DEBIAN_ROOT = '/usr/lib/postgresql'
const DATABASE = 'intertitle_test'
const SUPERUSER = 'postgres'
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 30_000
/** The kernel's limit on a Unix socket path is 108 bytes, the terminating NUL included. */
const MAX_SOCKET_PATH = 100

const run = promisify(execFile)

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir()
  const owner = serverOwner()
  const root = mkdtempSync(path.join(tmpdir(), 'intertitle-pg-'))
  try {
    const socketDir = path.join(root, 'socket')
    mkdirSync(socketDir)
    owner.own(root)
    owner.own(socketDir)
    const dataDir = path.join(root, 'data')
    await initdb(bin, dataDir, owner)
    // The free port is only free when we look: another process may take it before the server
    // binds it, so a lost race is retried on a new port.
    for (let attempt = 1; ; attempt++) {
      try {
        return await serve({ bin, root, dataDir, socketDir, owner, port: await freePort() })
      } catch (error) {
        if (!(error instanceof PortTaken) || attempt === 3) throw error
      }
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
}

/** PG_BIN if set, else the newest `/usr/lib/postgresql/<version>/bin` that holds a server. */
export function postgresBinDir(): string {
  const override = process.env.PG_BIN
  const candidates = override
    ? [override]
    : debianVersions().map((version) => path.join(DEBIAN_ROOT, version, 'bin'))
  // A client-only package (postgresql-client-N) installs a bin folder too, without initdb.
  const found = candidates.find(
    (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
  )
  if (found) return found
  throw new Error(
    override
      ? `PG_BIN is ${override}, which has no initdb and postgres in it. Point it at a PostgreSQL server's bin folder, or unset it and run: apt-get install -y postgresql`
      : `The tests need a PostgreSQL server and none is installed (no ${DEBIAN_ROOT}/*/bin/initdb). ` +
          'Install it with: apt-get install -y postgresql (or set PG_BIN to a folder holding initdb and postgres).',
  )
}

function debianVersions(): string[] {
  if (!existsSync(DEBIAN_ROOT)) return []
  return readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
}

/** Who runs the server, and how to hand them a folder. */
type Owner = { command(file: string, args: string[]): [string, string[]]; own(dir: string): void }

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` OS user. */
function serverOwner(): Owner {
  if (process.getuid?.() !== 0) return { command: (file, args) => [file, args], own: () => {} }
  let uid: number
  let gid: number
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
  } catch {
    throw new Error(
      'Running as root, and PostgreSQL will not run as root: it needs the "postgres" OS user, which ' +
        'apt-get install -y postgresql creates.',
    )
  }
  return {
    command: (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]],
    own: (dir) => chownSync(dir, uid, gid),
  }
}

/** The C locale whatever the machine's: initdb fails on a locale that is not generated. */
const serverEnv = () => ({ ...process.env, LC_ALL: 'C', LANG: 'C' })

async function initdb(bin: string, dataDir: string, owner: Owner): Promise<void> {
  // --no-sync only skips flushing the new cluster's files to disk once: a crash during setup
  // just fails the test. The server itself runs with fsync on (see serve).
  const args = [
    '-D',
    dataDir,
    '-U',
    SUPERUSER,
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]
  try {
    await run(...owner.command(path.join(bin, 'initdb'), args), { env: serverEnv() })
  } catch (error) {
    const { stderr = '', message } = error as { stderr?: string; message: string }
    throw new Error(`initdb failed: ${stderr.trim() || message}`)
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

class PortTaken extends Error {}

type ServeOptions = {
  bin: string
  root: string
  dataDir: string
  socketDir: string
  owner: Owner
  port: number
}

async function serve({
  bin,
  root,
  dataDir,
  socketDir,
  owner,
  port,
}: ServeOptions): Promise<TestPostgres> {
  // A long TMPDIR can push the socket past the kernel's limit; TCP alone is then enough.
  const sockets =
    path.join(socketDir, `.s.PGSQL.${port}`).length <= MAX_SOCKET_PATH ? socketDir : ''
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: sockets,
    // On explicitly, as in production: the crash-safety tests need a commit to mean on disk.
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
  }
  const args = [
    '-D',
    dataDir,
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ]
  const child = spawn(...owner.command(path.join(bin, 'postgres'), args), {
    env: serverEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log = keepTail(child)
  // Neither the server nor its output may keep Node running: a caller that never calls
  // stop() still exits, and the exit hook below shuts the server down.
  child.unref()

  let postmaster: number | undefined
  const killOnExit = () => {
    signal(postmaster ?? child.pid, 'SIGQUIT')
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 })
    } catch {
      // The server may still be writing as it dies; a stray temp folder is the lesser evil.
    }
  }
  process.on('exit', killOnExit)

  const admin = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`
  try {
    await waitUntilReady(admin, dataDir, child, log)
    postmaster = readPostmasterPid(dataDir)
    await createDatabase(admin)
  } catch (error) {
    process.off('exit', killOnExit)
    await shutDown(child, postmaster ?? readPostmasterPid(dataDir))
    throw error
  }

  let stopping: Promise<void> | undefined
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`,
    stop() {
      stopping ??= (async () => {
        process.off('exit', killOnExit)
        await shutDown(child, postmaster)
        rmSync(root, { recursive: true, force: true })
      })()
      return stopping
    },
  }
}

/** The last 16 kB of the server's output, for error messages. */
function keepTail(child: ChildProcess): () => string {
  let tail = ''
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-16_384)
    })
    ;(stream as Socket | null)?.unref()
  }
  return () => tail.trim()
}

async function waitUntilReady(
  url: string,
  dataDir: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const output = log()
      // Lost the race for the port (the message's wording since PostgreSQL 9).
      if (/could not (bind|create any TCP\/IP sockets)/i.test(output)) throw new PortTaken(output)
      throw new Error(`PostgreSQL stopped while starting:\n${output}`)
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
    try {
      await client.connect()
      // Whoever answers on the port must be this server, not one that won the port race.
      const [row] = (await client.query<{ data_directory: string }>('show data_directory')).rows
      if (row?.data_directory !== dataDir)
        throw new PortTaken(`port taken by the server of ${row?.data_directory}`)
      return
    } catch (error) {
      if (error instanceof PortTaken) throw error
      if (Date.now() > deadline)
        throw new Error(
          `PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s:\n${log()}`,
        )
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      await client.end().catch(() => undefined)
    }
  }
}

async function createDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`create database ${DATABASE}`)
  } finally {
    await client.end()
  }
}

/**
 * The server's own process id. As root, our child is `runuser`, which would answer a signal
 * with SIGTERM and then SIGKILL two seconds later, so signals go to the server directly.
 */
function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** SIGINT is PostgreSQL's fast shutdown; SIGQUIT, immediate, if that takes too long. */
async function shutDown(child: ChildProcess, postmaster: number | undefined): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  // Ref'd again while waiting, or Node could exit first and the hook would kill it instead.
  child.ref()
  const exited = once(child, 'exit')
  const target = postmaster ?? child.pid
  signal(target, 'SIGINT')
  if (await within(exited, STOP_TIMEOUT_MS)) return
  signal(target, 'SIGQUIT')
  if (await within(exited, 5_000)) return
  signal(target, 'SIGKILL')
  await exited
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(pid, name)
  } catch {
    // Already gone.
  }
}

async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)))
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}
