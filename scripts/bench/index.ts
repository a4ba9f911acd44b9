/**
 * `npm run bench`: builds, serves and measures the site, prints a table, writes JSON to
 * bench-results/ (git-ignored) and the README's charts to docs/bench/. Never a test: it
 * records figures, it does not fail on them.
 *   --skip-build      measure the current .next build
 *   --scale 500,2000  the archive sizes to build and serve (default 500,2000,5000,20000; "none" to skip)
 *   --archive-only    only the archive sizes of --scale (default 20000): build, memory, renders, sitemap
 *   --send-only       only the newsletter: the command's send throughput (10,000 emails into a local SMTP
 *                     server), and readers' page times while the site sends 10,000 itself
 *   --memory-only     only the server's resident memory (warm, after a soak, a minute idle) on both databases
 *   --databases pglite|postgres  the soak (or the beacons of --beacons-only) on one database only
 *   --heap            the soak also snapshots the server's live JavaScript heap, warm and after
 *   --lighthouse-only only Lighthouse on the current build: each page, the same page without its scripts, and the empty-page floor
 *   --throughput-only only next start against a static server on the current build's pages
 *   --runs N          Lighthouse runs a page, the median kept (default 5)
 *   --analytics-only  only the analytics: a year's report over 10 million generated events, 2,000
 *                     beacons a second for 30 s on each database, the review page with and without
 *                     its beacon (Lighthouse, on the current build)
 *   --analytics-events N  events for the report at scale (default 10,000,000 on PostgreSQL)
 *   --analytics-pglite-events N  the same on PGlite (default 1,000,000; 0 to skip)
 *   --beacons-only    only the analytics' beacons under load (2,000 a second for 30 s) on the current
 *                     build, on each of --databases
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pageBytes, type Bytes } from './bytes'
import { lineChart, stackedBars } from './charts'
import { lighthouseMedian, type LighthouseScores } from './lighthouse'
import { snapshotPages, startNext, startStatic } from './servers'
import {
  pagesDuringSend,
  sendThroughput,
  type PagesDuringSend,
  type SendRun,
} from './newsletter-send'
import { againstStatic, type Comparison } from './throughput'
import { memorySoak, type MemoryRun } from './memory'
import { startPostgres } from '../testing/postgres'
import { startFloor } from './floor'
import { startNoScriptProxy } from './no-script'
import { archiveRun, type ArchiveRun, type Built } from './archive'
import { beaconLoad, reportsAtScale, type BeaconLoad, type ReportAtScale } from './analytics'

const { values } = parseArgs({
  options: {
    'skip-build': { type: 'boolean' },
    scale: { type: 'string' },
    runs: { type: 'string' },
    'send-only': { type: 'boolean' },
    'memory-only': { type: 'boolean' },
    'lighthouse-only': { type: 'boolean' },
    'throughput-only': { type: 'boolean' },
    'archive-only': { type: 'boolean' },
    databases: { type: 'string' },
    heap: { type: 'boolean' },
    'analytics-only': { type: 'boolean' },
    'analytics-events': { type: 'string' },
    'analytics-pglite-events': { type: 'string' },
    'beacons-only': { type: 'boolean' },
  },
})
const root = process.cwd()
const PAGES = { review: '/reviews/ballerina-2025', home: '/', reviews: '/reviews' } as const
const NEXT_PORT = 3400
const STATIC_PORT = 3401
const SOAK_PORT = 3402
const FLOOR_PORT = 3403
const ARCHIVE_PORT = 3404
const NO_SCRIPT_PORT = 3405
const BEACON_PORT = 3406
const DESK_PORT = 3407

type BuildRun = { reviews: number; ms: number; msPerReview: number; peakMemoryMiB: number | null }

const buildRun = (reviews: number, { ms, peakMemoryMiB }: Built): BuildRun => ({
  reviews,
  ms,
  msPerReview: Math.round(ms / reviews),
  peakMemoryMiB,
})

/** `npm run build` in `cwd`, timed; a failed build says why (its fatal error) instead of throwing. */
function timedBuild(cwd: string, env: Record<string, string> = {}): Built {
  const start = Date.now()
  const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0
  const cmd = gnuTime
    ? (['/usr/bin/time', ['-f', 'PEAK_KB=%M', 'npm', 'run', 'build']] as const)
    : (['npm', ['run', 'build']] as const)
  const run = spawnSync(cmd[0], [...cmd[1]], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  })
  const peak = /PEAK_KB=(\d+)/.exec(run.stderr)?.[1]
  // GNU time reports the largest single process, which for next build is its main worker.
  const content = /^Contentlayer: \d+ documents in ([\d.]+) s/m.exec(run.stdout)?.[1]
  const built: Built = {
    ms: Date.now() - start,
    peakMemoryMiB: peak ? Math.round(Number(peak) / 1024) : null,
    ...(content && { contentSeconds: Math.round(Number(content)) }),
  }
  if (run.status === 0) return built
  console.error(run.stderr.slice(-3000))
  const fatal = /FATAL ERROR: .*|^Error: .*/m.exec(run.stderr)?.[0]
  return { ...built, failure: fatal ?? `exit ${run.status ?? run.signal}` }
}

const countReviews = (dir: string) =>
  readdirSync(path.join(dir, 'reviews')).filter((f) => f.endsWith('.mdx')).length

/** The three pages as the site serves them, for the static server. */
const snapshot = () => snapshotPages(`http://127.0.0.1:${NEXT_PORT}`, Object.values(PAGES))

/** The three pages, on the servers main() starts. */
const throughputRun = () =>
  againstStatic(
    `http://127.0.0.1:${NEXT_PORT}`,
    `http://127.0.0.1:${STATIC_PORT}`,
    Object.values(PAGES),
  )

function printThroughput({ next, static: file, ratio, rounds }: Comparison) {
  console.log(
    `Throughput, 50 connections, 10 s, median of ${rounds.length} rounds: next start ${next.requestsPerSecond} req/s (p99 ${next.p99Ms} ms), static ${file.requestsPerSecond} req/s (p99 ${file.p99Ms} ms), ratio ${ratio} (rounds ${rounds.join(', ')})`,
  )
}

function printSend(send: SendRun, during: PagesDuringSend) {
  console.log(
    `Newsletter send: ${send.messages} emails in ${send.seconds} s, ${send.messagesPerSecond} a second into a local SMTP server; sender peak memory ${send.peakMemoryMiB ?? '?'} MiB`,
  )
  console.log(
    `Pages while the site sends ${during.emails} emails itself (${during.sendSeconds.toFixed(1)} s, unpaced), against idle:`,
  )
  console.table({ idle: during.idle, 'during the send': during.sending })
}

const sendRuns = async () =>
  [await sendThroughput(), await pagesDuringSend(root, DESK_PORT, Object.values(PAGES))] as const

/** The soak on PGlite (the embedded default), then on a throwaway PostgreSQL server. */
async function memoryRuns(): Promise<MemoryRun[]> {
  const databases = (values.databases ?? 'pglite,postgres').split(',')
  const heap = values.heap ?? false
  const runs: MemoryRun[] = []
  if (databases.includes('pglite')) runs.push(await memorySoak(root, SOAK_PORT, { heap }))
  if (databases.includes('postgres')) {
    const postgres = await startPostgres()
    try {
      runs.push(await memorySoak(root, SOAK_PORT, { databaseUrl: postgres.url, heap }))
    } finally {
      await postgres.stop()
    }
  }
  return runs
}

function printMemory(runs: MemoryRun[]) {
  console.log('Server resident memory (MiB, next start and its children)')
  console.table(runs)
}

type Page = keyof typeof PAGES
type Lighthouse = Record<Page | 'floor', LighthouseScores> & {
  /** Each page, and the floor, served again with its scripts removed (scripts/bench/no-script.ts). */
  noScript: Record<Page | 'floor', LighthouseScores>
}

/** Lighthouse on `page` of `origin`, then on the same page through the no-script proxy. */
async function withAndWithoutScripts(
  origin: string,
  page: string,
  runs: number,
): Promise<[LighthouseScores, LighthouseScores]> {
  const proxy = await startNoScriptProxy(origin, NO_SCRIPT_PORT)
  try {
    return [
      await lighthouseMedian(`${origin}${page}`, runs),
      await lighthouseMedian(`http://127.0.0.1:${NO_SCRIPT_PORT}${page}`, runs),
    ]
  } finally {
    await new Promise((resolve) => proxy.close(resolve))
  }
}

/**
 * Lighthouse on each page of the running server and, in turn, on the same page without its
 * scripts; then the same on the framework floor, built here, so that what the site's scripts
 * cost can be read beside what the framework's own cost on an empty page.
 */
async function lighthouseRuns(): Promise<Lighthouse> {
  const runs = Number(values.runs ?? 5)
  const scores: Partial<Lighthouse> = {}
  const noScript: Partial<Lighthouse['noScript']> = {}
  for (const [name, page] of Object.entries(PAGES) as [Page, string][]) {
    ;[scores[name], noScript[name]] = await withAndWithoutScripts(
      `http://127.0.0.1:${NEXT_PORT}`,
      page,
      runs,
    )
  }
  const floor = await startFloor(root, FLOOR_PORT)
  try {
    ;[scores.floor, noScript.floor] = await withAndWithoutScripts(
      new URL(floor.url).origin,
      '/',
      runs,
    )
  } finally {
    await floor.stop()
  }
  scores.noScript = noScript as Lighthouse['noScript']
  return scores as Lighthouse
}

/**
 * Each page's scores, with its LCP and TBT as a multiple of the floor's and of the same page
 * without its scripts (issue 40's budgets: TBT ≤ 2×, LCP ≤ 1.15× the no-script page's).
 */
function printLighthouse(lighthouse: Lighthouse) {
  // Against a figure of a few milliseconds (the floor without scripts has 0–3 ms of TBT) a ratio
  // says nothing: left blank.
  const ratio = (a: number, b: number) => (b >= 10 ? Number((a / b).toFixed(2)) : undefined)
  const { noScript, floor } = lighthouse
  console.log(
    'Lighthouse (mobile, each figure the median of its runs; ×floor: against an empty Next page; ×noScript: against the same page without its scripts)',
  )
  const rows: [string, LighthouseScores, LighthouseScores | undefined][] = [
    ...(Object.keys(PAGES) as Page[]).flatMap(
      (name): [string, LighthouseScores, LighthouseScores | undefined][] => [
        [name, lighthouse[name], noScript[name]],
        [`${name} (no script)`, noScript[name], undefined],
      ],
    ),
    ['floor', floor, noScript.floor],
    ['floor (no script)', noScript.floor, undefined],
  ]
  console.table(
    Object.fromEntries(
      rows.map(([name, s, bare]) => [
        name,
        {
          ...s,
          lcpXFloor: ratio(s.lcpMs, floor.lcpMs),
          tbtXFloor: ratio(s.tbtMs, floor.tbtMs),
          ...(bare
            ? {
                lcpXNoScript: ratio(s.lcpMs, bare.lcpMs),
                tbtXNoScript: ratio(s.tbtMs, bare.tbtMs),
                scriptsAddLcpMs: s.lcpMs - bare.lcpMs,
                scriptsAddTbtMs: s.tbtMs - bare.tbtMs,
              }
            : {}),
        },
      ]),
    ),
  )
}

/** Each archive size of --scale: built, served and measured (scripts/bench/archive.ts). */
async function archiveRuns(defaults: string): Promise<ArchiveRun[]> {
  const sizes = values.scale === 'none' ? [] : (values.scale ?? defaults).split(',').map(Number)
  const runs: ArchiveRun[] = []
  for (const count of sizes) runs.push(await archiveRun(root, count, ARCHIVE_PORT, timedBuild))
  return runs
}

function printArchives(runs: ArchiveRun[]) {
  if (runs.length === 0) return
  console.log('Archives (generated reviews; render times from the server, to the last byte)')
  console.table(
    runs.map(({ reviews, build, served: s }) => ({
      reviews,
      'build s': Math.round(build.ms / 1000),
      'of it Contentlayer s': build.contentSeconds,
      'build peak MiB': build.peakMemoryMiB,
      ...(s
        ? {
            'server MiB': s.serverWarmMiB,
            'old review 1st p50/p99 ms': `${s.oldReviewFirstRenderMs.p50}/${s.oldReviewFirstRenderMs.p99}`,
            'then p50 ms': s.oldReviewSecondRenderMs.p50,
            'listing 1st p50/p99 ms (of)': `${s.listingFirstRenderMs.p50}/${s.listingFirstRenderMs.p99} (${s.listingFirstRenderMs.of})`,
            'search index MiB': s.searchIndexMiB,
            'sitemap KB/ms': `${Math.round(s.sitemap.bytes / 1024)}/${s.sitemap.firstMs}`,
            'sitemap URLs': s.sitemap.urls,
            'largest page': `${s.largestPage.path} ${Math.round(s.largestPage.bytes / 1024)} KB`,
          }
        : { 'build failed': build.failure }),
    })),
  )
}

type AnalyticsRuns = {
  reports: ReportAtScale[]
  load: BeaconLoad[]
  /** The review page with its beacon and with /analytics.js refused. */
  review: { withBeacon: LighthouseScores; withoutBeacon: LighthouseScores }
}

/** The analytics' figures (issue 37): the report at scale, beacons under load, the beacon's cost. */
async function analyticsRuns(running = false): Promise<AnalyticsRuns> {
  const runs = Number(values.runs ?? 5)
  const next = running ? undefined : await startNext(root, NEXT_PORT)
  let review: AnalyticsRuns['review']
  try {
    const url = `http://127.0.0.1:${NEXT_PORT}${PAGES.review}`
    // Interleaved, so that the machine's drift falls on both alike.
    const withBeacon: LighthouseScores[] = []
    const withoutBeacon: LighthouseScores[] = []
    for (let i = 0; i < runs; i++) {
      withBeacon.push(await lighthouseMedian(url, 1))
      withoutBeacon.push(await lighthouseMedian(url, 1, ['*/analytics.js']))
    }
    const mid = (xs: LighthouseScores[]) =>
      [...xs].sort((a, b) => a.performance - b.performance)[Math.floor(xs.length / 2)]!
    review = { withBeacon: mid(withBeacon), withoutBeacon: mid(withoutBeacon) }
  } finally {
    await next?.stop()
  }
  const load = await beaconLoads()
  const reports = await reportsAtScale(
    Number(values['analytics-events'] ?? 10_000_000),
    Number(values['analytics-pglite-events'] ?? 1_000_000),
  )
  return { reports, load, review }
}

async function beaconLoads(databases = ['pglite', 'postgres']): Promise<BeaconLoad[]> {
  const load: BeaconLoad[] = []
  for (const database of ['pglite', 'postgres'] as const)
    if (databases.includes(database)) load.push(await beaconLoad(root, BEACON_PORT, database))
  return load
}

function printBeacons(load: BeaconLoad[]) {
  console.log('Analytics: beacons against the server (202s counted in the database afterwards)')
  console.table(
    load.map((l) => ({
      database: l.database,
      'target /s': l.targetPerSecond,
      'accepted /s': l.achievedPerSecond,
      sent: l.sent,
      accepted: l.accepted,
      'refused (non-2xx)': l.refused,
      errors: l.errors,
      stored: l.stored,
      lost: l.lost,
      'review p95 idle (ms)': l.reviewIdleP95Ms,
      'review p95 under load (ms)': l.reviewLoadedP95Ms,
      ratio: l.reviewRatio,
      'memory warm / peak (MiB)': `${l.memoryWarmMiB} / ${l.memoryPeakMiB}`,
    })),
  )
}

function printAnalytics({ reports, load, review }: AnalyticsRuns) {
  console.log("\nAnalytics: a year's report (every table of /staff/analytics) from the rollups")
  console.table(
    reports.map((r) => ({
      database: r.database,
      events: r.events.toLocaleString('en-GB'),
      'generated (s)': Math.round(r.generateMs / 1000),
      'rolled up (s)': Math.round(r.rollUpMs / 1000),
      'rollup rows': r.rollupRows,
      'year report (ms, median of 5)': r.yearReportMs,
      runs: r.runsMs.join(' '),
    })),
  )
  printBeacons(load)
  console.log('Analytics: the review page with and without its beacon (Lighthouse mobile, median)')
  console.table(
    Object.entries(review).map(([name, s]) => ({
      page: name,
      performance: s.performance,
      'LCP (ms)': s.lcpMs,
      'TBT (ms)': s.tbtMs,
      'FCP (ms)': s.fcpMs,
      CLS: s.cls,
    })),
  )
}

async function main() {
  if (values['analytics-only']) return printAnalytics(await analyticsRuns())
  if (values['beacons-only']) return printBeacons(await beaconLoads(values.databases?.split(',')))
  if (values['archive-only']) return printArchives(await archiveRuns('20000'))
  if (values['send-only']) return printSend(...(await sendRuns()))
  if (values['memory-only']) return printMemory(await memoryRuns())
  if (values['throughput-only']) {
    const next = await startNext(root, NEXT_PORT)
    const staticServer = await startStatic(await snapshot(), STATIC_PORT)
    try {
      return printThroughput(await throughputRun())
    } finally {
      staticServer.close()
      await next.stop()
    }
  }
  if (values['lighthouse-only']) {
    const next = await startNext(root, NEXT_PORT)
    try {
      return printLighthouse(await lighthouseRuns())
    } finally {
      await next.stop()
    }
  }
  const builds: BuildRun[] = []
  if (!values['skip-build']) {
    const shipped = timedBuild(root)
    if (shipped.failure) throw new Error(`the build failed: ${shipped.failure}`)
    builds.push(buildRun(countReviews(path.join(root, 'content')), shipped))
  }

  const next = await startNext(root, NEXT_PORT)
  const staticServer = await startStatic(await snapshot(), STATIC_PORT)
  try {
    const bytes: Record<string, Bytes> = {}
    for (const [name, url] of Object.entries(PAGES))
      bytes[name] = await pageBytes(`http://127.0.0.1:${NEXT_PORT}${url}`)
    const lighthouse = await lighthouseRuns()
    const throughput = await throughputRun()
    const [send, pagesWhileSending] = await sendRuns()
    const memory = await memoryRuns()
    const analytics = await analyticsRuns(true)

    const archives = await archiveRuns('500,2000,5000,20000')
    for (const run of archives)
      if (!run.build.failure) builds.push(buildRun(run.reviews, run.build))

    const result = {
      date: new Date().toISOString(),
      bytes,
      lighthouse,
      throughput,
      builds,
      send,
      pagesWhileSending,
      memory,
      archives,
      analytics,
    }
    mkdirSync('bench-results', { recursive: true })
    writeFileSync('bench-results/latest.json', JSON.stringify(result, null, 2))
    mkdirSync('docs/bench', { recursive: true })
    const kb = (n: number) => n / 1024
    writeFileSync(
      'docs/bench/bytes.svg',
      stackedBars(
        'Bytes on the wire by page (KB, compressed)',
        Object.entries(bytes).map(([label, b]) => ({
          label,
          parts: {
            HTML: kb(b.html),
            CSS: kb(b.css),
            JS: kb(b.js),
            'JS (prefetch)': kb(b.prefetchJs),
            fonts: kb(b.fonts),
            images: kb(b.images),
          },
        })),
        'KB',
      ),
    )
    if (builds.length > 1)
      writeFileSync(
        'docs/bench/build-time.svg',
        lineChart(
          'Build time against number of reviews',
          builds.map((b) => ({ x: b.reviews, y: b.ms / 1000 })),
          'reviews',
          'seconds',
        ),
      )

    console.log('\nBytes on the wire (KB, compressed)')
    console.table(
      Object.fromEntries(
        Object.entries(bytes).map(([k, b]) => [
          k,
          {
            html: +kb(b.html).toFixed(1),
            css: +kb(b.css).toFixed(1),
            js: +kb(b.js).toFixed(1),
            prefetchJs: +kb(b.prefetchJs).toFixed(1),
            fonts: +kb(b.fonts).toFixed(1),
            images: +kb(b.images).toFixed(1),
          },
        ]),
      ),
    )
    printLighthouse(lighthouse)
    printThroughput(throughput)
    printSend(send, pagesWhileSending)
    printMemory(memory)
    printArchives(archives)
    printAnalytics(analytics)
    console.log('Builds')
    console.table(builds)
  } finally {
    await next.stop()
    staticServer.close()
  }
}

await main()
