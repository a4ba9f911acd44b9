import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

export type LighthouseScores = {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

/**
 * Lighthouse mobile (its default), each figure the median of its `runs` runs (a run picked by its
 * performance score carried whatever TBT it had, and TBT alone swings by half between runs);
 * requests whose URL matches one of `blocked` are refused (the page without its analytics beacon).
 */
export async function lighthouseMedian(
  url: string,
  runs = 3,
  blocked: string[] = [],
): Promise<LighthouseScores> {
  const results: LighthouseScores[] = []
  for (let i = 0; i < runs; i++) {
    const chrome = await launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    try {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        blockedUrlPatterns: blocked,
      })
      const lhr = run?.lhr
      if (!lhr) throw new Error('Lighthouse returned no result')
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN
      results.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcpMs: Math.round(audit('first-contentful-paint')),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        tbtMs: Math.round(audit('total-blocking-time')),
        cls: Number(audit('cumulative-layout-shift').toFixed(3)),
      })
    } finally {
      chrome.kill()
    }
  }
  const each = (key: keyof LighthouseScores) => median(results.map((r) => r[key]))
  return {
    performance: each('performance'),
    accessibility: each('accessibility'),
    bestPractices: each('bestPractices'),
    seo: each('seo'),
    fcpMs: each('fcpMs'),
    lcpMs: each('lcpMs'),
    tbtMs: each('tbtMs'),
    cls: each('cls'),
  }
}
