import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { fields } from '../../lib/newsletter/form'
import { startNext } from './servers'

export type MemoryRun = {
  database: string
  warmMiB: number
  soakMiB: number
  ratio: number
  /** A minute after the soak, with no requests: what the server gives back once idle. */
  idleMiB: number
  requests: number
  signups: number
  confirmationEmails: number
  soakSeconds: number
  /** With `heap`: the server's live JavaScript heap (a snapshot, after a full collection). */
  warmHeapMiB?: number
  soakHeapMiB?: number
}

/** Every process under `pid` (itself included), from Linux /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // the parent is the 2nd field after the command, which may hold spaces: read past ')'
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // gone already
    }
  }
  const tree: number[] = []
  const visit = (p: number) => {
    tree.push(p)
    for (const child of children.get(p) ?? []) visit(child)
  }
  visit(pid)
  return tree
}

/** Resident memory of a process and every process under it, in MiB. */
export function treeRssMiB(pid: number): number {
  let kb = 0
  for (const p of processTree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone already
    }
  }
  return Math.round(kb / 1024)
}

/**
 * The live JavaScript heap of the Next server under `pid` (started with
 * `--heapsnapshot-signal=SIGUSR2`): V8 collects garbage, writes a snapshot into `dir`, and the
 * size of every object in it is summed. Writing one is itself costly, so it is taken only on
 * request and after the resident size has been read.
 */
async function liveHeapMiB(pid: number, dir: string): Promise<number> {
  const server = processTree(pid).find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').startsWith('next-server')
    } catch {
      return false
    }
  })
  if (!server) throw new Error('no next-server process to snapshot')
  const before = new Set(readdirSync(dir))
  process.kill(server, 'SIGUSR2')
  for (let waited = 0; waited < 300_000; waited += 1000) {
    await new Promise((r) => setTimeout(r, 1000))
    const file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f))
    if (!file) continue
    let snapshot: { snapshot: { meta: { node_fields: string[] } }; nodes: number[] }
    try {
      snapshot = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
    } catch {
      continue // still being written
    }
    rmSync(path.join(dir, file))
    const fields = snapshot.snapshot.meta.node_fields
    const selfSize = fields.indexOf('self_size')
    let bytes = 0
    for (let i = selfSize; i < snapshot.nodes.length; i += fields.length)
      bytes += snapshot.nodes[i] ?? 0
    return Math.round(bytes / 1024 / 1024)
  }
  throw new Error('the heap snapshot did not appear')
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  lt: '<',
  gt: '>',
  '#x27': "'",
  '#39': "'",
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`)
    .exec(tag)?.[1]
    ?.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, entity: string) => ENTITIES[entity] ?? '')

/** The signup form's fields as the page sends them (its hidden Server Action fields included). */
export function signupFields(html: string): [string, string][] {
  const form = new RegExp(
    `<form[^>]*>(?:(?!</form>)[\\s\\S])*name="${fields.email}"[\\s\\S]*?</form>`,
  ).exec(html)?.[0]
  if (!form) throw new Error('no signup form on the page')
  return [...form.matchAll(/<input[^>]*>/g)].flatMap(([tag]) => {
    const name = attribute(tag, 'name')
    const type = attribute(tag, 'type')
    return name && type === 'hidden'
      ? [[name, attribute(tag, 'value') ?? ''] as [string, string]]
      : []
  })
}

/** Signs up `count` distinct addresses through the page's own form, as browsers without JS do. */
async function signUp(base: string, count: number, concurrency = 8): Promise<void> {
  const hidden = signupFields(await (await fetch(`${base}/newsletter`)).text())
  let next = 0
  const one = async (i: number) => {
    const body = new FormData()
    for (const [name, value] of hidden) body.append(name, value)
    body.append(fields.email, `soak-${i}@example.test`)
    body.append(fields.consent, 'yes')
    body.append(fields.honeypot, '')
    const res = await fetch(`${base}/newsletter`, {
      method: 'POST',
      body,
      headers: {
        Origin: base,
        // one client each, as on the internet (the bench's server trusts one proxy hop)
        'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
    })
    await res.arrayBuffer()
    if (res.status >= 400) throw new Error(`signup ${i} answered ${res.status}`)
  }
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++)
    }),
  )
}

/**
 * A fresh `next start` on its own empty data folder (PGlite unless DATABASE_URL is set):
 * resident memory after a warm-up (every kind of page once, one signup), then after a soak of
 * `requests` page requests and `signups` signups. Mail goes to the data folder's outbox.
 */
export async function memorySoak(
  root: string,
  port: number,
  { requests = 100_000, signups = 5_000, databaseUrl = '', heap = false } = {},
): Promise<MemoryRun> {
  const data = mkdtempSync(path.join(tmpdir(), 'intertitle-soak-'))
  const server = await startNext(
    root,
    port,
    {
      DATA_DIR: data,
      DATABASE_URL: databaseUrl,
      SMTP_URL: '',
      TRUSTED_PROXIES: '1',
      ...(heap && {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${data}`,
      }),
    },
    '/robots.txt',
  )
  const base = server.url
  try {
    const paths = [
      '/',
      '/reviews',
      '/reviews/ballerina-2025',
      '/reviews/sinners-2025',
      '/critics/hannah-okafor',
      '/genres/drama',
      '/films/ballerina-2025',
      '/issues/july-2025',
      '/search?q=wick',
      '/feed.xml',
      '/sitemap.xml',
      '/newsletter',
      '/reviews/no-such-review',
    ]
    for (const p of paths) await (await fetch(base + p)).arrayBuffer()
    await signUp(base, 1, 1)
    await new Promise((r) => setTimeout(r, 3000))
    const warmMiB = treeRssMiB(server.pid)
    const warmHeapMiB = heap ? await liveHeapMiB(server.pid, data) : undefined

    const started = Date.now()
    await Promise.all([
      autocannon({
        url: base,
        connections: 20,
        amount: requests,
        requests: paths.map((p) => ({
          method: 'GET',
          path: p,
          headers: { 'accept-encoding': 'gzip' },
        })),
      }),
      signUp(base, signups),
    ])
    const soakSeconds = Math.round((Date.now() - started) / 1000)
    await new Promise((r) => setTimeout(r, 5000))
    const soakMiB = treeRssMiB(server.pid)
    const soakHeapMiB = heap ? await liveHeapMiB(server.pid, data) : undefined
    await new Promise((r) => setTimeout(r, 60_000))
    const idleMiB = treeRssMiB(server.pid)
    const outbox = path.join(data, 'outbox')
    const confirmationEmails = readdirSync(outbox).length
    return {
      database: databaseUrl ? 'PostgreSQL' : 'PGlite',
      warmMiB,
      soakMiB,
      ratio: Number((soakMiB / warmMiB).toFixed(2)),
      idleMiB,
      requests,
      signups,
      confirmationEmails,
      soakSeconds,
      ...(heap && { warmHeapMiB, soakHeapMiB }),
    }
  } finally {
    await server.stop()
    rmSync(data, { recursive: true, force: true })
  }
}
