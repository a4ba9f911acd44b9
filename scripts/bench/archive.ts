import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { copyProject } from '../project-copy'
import { generateContent } from './generate-reviews'
import { treeRssMiB } from './memory'
import { warmListFile } from '../../lib/page-cache/warm.mjs'
import { startNext } from './servers'

export type ArchiveRun = {
  reviews: number
  build: Built
  /** What the running server showed; absent when the build failed. */
  served?: Served
}

type Served = {
  serverWarmMiB: number
  oldReviewFirstRenderMs: { p50: number; p99: number; max: number; sampled: number }
  oldReviewSecondRenderMs: { p50: number }
  /** Listing pages the build did not prerender: a sample's first render, of how many there are. */
  listingFirstRenderMs: { p50: number; p99: number; sampled: number; of: number }
  searchIndexMiB: number
  sitemap: { bytes: number; firstMs: number; urls: number; parts: number }
  largestPage: { path: string; bytes: number }
}

/**
 * A build's time and peak memory; `contentSeconds`, the part of it Contentlayer took (as
 * content:build reports it); `failure` says why it stopped, when it did.
 */
export type Built = {
  ms: number
  peakMemoryMiB: number | null
  contentSeconds?: number
  failure?: string
}
type Build = (cwd: string, env: Record<string, string>) => Built

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function folderBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size
  }
  return total
}

/** One timed GET: milliseconds to the last byte, and the body's size uncompressed. */
async function timedGet(url: string): Promise<{ ms: number; bytes: number; text: string }> {
  const started = performance.now()
  const response = await fetch(url)
  const text = await response.text()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return { ms: Math.round(performance.now() - started), bytes: Buffer.byteLength(text), text }
}

/**
 * A production build of `count` reviews (the shipped ones topped up with generated copies),
 * then the running server with the whole archive: its resident memory, the first render of
 * old reviews that were not prerendered, the sitemap, the search index and the largest page.
 */
export async function archiveRun(
  root: string,
  count: number,
  port: number,
  build: Build,
): Promise<ArchiveRun> {
  const copy = copyProject(root, path.join(root, '.bench-build'))
  generateContent(path.join(root, 'content'), path.join(copy, 'content-generated'), count)
  const env = { CONTENT_DIR: 'content-generated', URL_HISTORY_FILE: path.join(copy, 'urls.txt') }
  const built = build(copy, env)
  console.log(
    `${built.failure ? 'failed to build' : 'built'} ${count} reviews in ${(built.ms / 1000).toFixed(1)} s` +
      (built.failure ? `: ${built.failure}` : ''),
  )
  if (built.failure) return { reviews: count, build: built }

  // What the build prerendered, as its adapter listed it (read before the server takes the list).
  const prerendered = new Set<string>(
    JSON.parse(readFileSync(warmListFile(path.join(copy, '.next')), 'utf8')),
  )
  const data = mkdtempSync(path.join(tmpdir(), 'intertitle-archive-'))
  const server = await startNext(copy, port, { ...env, DATA_DIR: data, SMTP_URL: '' })
  try {
    const base = server.url
    for (const p of ['/', '/reviews', '/critics', '/genres/drama', '/search?q=wick'])
      await timedGet(base + p)
    await new Promise((r) => setTimeout(r, 3000))
    const serverWarmMiB = treeRssMiB(server.pid)

    // Before the reviews below: each of their pages goes stale 30 s after it is cached and is
    // then rendered again behind the next request for it, and a request measured while that
    // work is queued on the server's one thread measures the queue (10.7 s at 5,000 reviews).
    const sitemap = await timedGet(`${base}/sitemap.xml`)
    const parts = [...sitemap.text.matchAll(/<sitemap>/g)].length
    // Above 50,000 URLs /sitemap.xml is an index of /sitemaps/1.xml, 2.xml…
    const urlSets = [sitemap.text]
    for (let n = 1; n <= parts; n++)
      urlSets.push((await timedGet(`${base}/sitemaps/${n}.xml`)).text)
    const listed = urlSets.flatMap((xml) =>
      [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname),
    )
    const urls = listed.length

    // Old reviews: generated ones Next did not prerender, spread over the archive.
    const old = readdirSync(path.join(copy, 'content-generated/reviews'))
      .map((f) => f.replace(/\.mdx$/, ''))
      .filter((slug) => slug.startsWith('generated-') && !prerendered.has(`/reviews/${slug}`))
    const step = Math.max(1, Math.floor(old.length / 200))
    const sample = old.filter((_, i) => i % step === 0).slice(0, 200)
    // The second request for the first 50 straight after their first, while the cached page
    // is fresh: what a reader gets from the cache, not a stale page's answer with its render
    // queued behind it.
    const first: number[] = []
    const second: number[] = []
    for (const [i, slug] of sample.entries()) {
      first.push((await timedGet(`${base}/reviews/${slug}`)).ms)
      if (i < 50) second.push((await timedGet(`${base}/reviews/${slug}`)).ms)
    }

    // Listing pages the build left to their first request (those no recent review reaches),
    // spread over the sitemap: their first render, and their size for the largest page below.
    const onRequest = listed.filter(
      (p) => /^\/(films|critics|genres|issues)\/|^\/reviews\/page\//.test(p) && !prerendered.has(p),
    )
    const listingStep = Math.max(1, Math.floor(onRequest.length / 100))
    const listingFirst: number[] = []
    let largestPage = { path: '', bytes: 0 }
    for (const p of onRequest.filter((_, i) => i % listingStep === 0).slice(0, 100)) {
      const { ms, bytes } = await timedGet(base + p)
      listingFirst.push(ms)
      if (bytes > largestPage.bytes) largestPage = { path: p, bytes }
    }

    // The largest page: every prerendered page too (from the cache), and a few known to be long.
    for (const p of [...prerendered].filter((p) => !/\.(xml|json)$|opengraph-image/.test(p))) {
      const { bytes } = await timedGet(base + p)
      if (bytes > largestPage.bytes) largestPage = { path: p, bytes }
    }
    for (const p of ['/genres/drama', '/critics/hannah-okafor', '/search?q=wick', '/reviews']) {
      const { bytes } = await timedGet(base + p)
      if (bytes > largestPage.bytes) largestPage = { path: p, bytes }
    }

    const served: Served = {
      serverWarmMiB,
      oldReviewFirstRenderMs: {
        p50: percentile(first, 50),
        p99: percentile(first, 99),
        max: Math.max(...first),
        sampled: first.length,
      },
      oldReviewSecondRenderMs: { p50: percentile(second, 50) },
      listingFirstRenderMs: {
        p50: percentile(listingFirst, 50),
        p99: percentile(listingFirst, 99),
        sampled: listingFirst.length,
        of: onRequest.length,
      },
      searchIndexMiB: Number(
        (folderBytes(path.join(copy, 'public/pagefind')) / 1024 / 1024).toFixed(1),
      ),
      sitemap: { bytes: sitemap.bytes, firstMs: sitemap.ms, urls, parts },
      largestPage,
    }
    return { reviews: count, build: built, served }
  } finally {
    await server.stop()
    rmSync(data, { recursive: true, force: true })
  }
}
