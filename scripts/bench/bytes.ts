import { chromium } from '@playwright/test'

/**
 * `js` is what the page's HTML asks for (its first load, the budget); `prefetchJs` is what the
 * router fetches afterwards to make the links in view instant (other routes' chunks).
 */
export type Bytes = {
  html: number
  css: number
  js: number
  prefetchJs: number
  fonts: number
  images: number
}

/**
 * The page as every reader after its first gets it: a cached page's brotli copy is made when it is
 * first served (lib/page-cache/brotli.mjs), and until then it goes out in gzip. Asks until the
 * brotli copy is there (a few tenths of a second; 5 s at most), and gives the page's HTML.
 */
async function servedInBrotli(url: string): Promise<string> {
  let html = ''
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'br' } })
    html = await response.text()
    if (response.headers.get('content-encoding') === 'br') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return html
}

/** Bytes on the wire (compressed, as transferred) for what a phone-sized Chromium loads. */
export async function pageBytes(url: string): Promise<Bytes> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const page = await browser.newPage({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2.6,
    isMobile: true,
  })
  const client = await page.context().newCDPSession(page)
  await client.send('Network.enable')
  const html = await servedInBrotli(url)
  const types = new Map<string, { type: string; url: string }>()
  const totals: Bytes = { html: 0, css: 0, js: 0, prefetchJs: 0, fonts: 0, images: 0 }
  client.on('Network.responseReceived', (e) =>
    types.set(e.requestId, { type: e.type, url: e.response.url }),
  )
  client.on('Network.loadingFinished', (e) => {
    const seen = types.get(e.requestId)
    let kind = {
      Document: 'html',
      Stylesheet: 'css',
      Script: 'js',
      Font: 'fonts',
      Image: 'images',
    }[seen?.type ?? ''] as keyof Bytes | undefined
    if (kind === 'js' && seen && !html.includes(new URL(seen.url).pathname)) kind = 'prefetchJs'
    if (kind) totals[kind] += e.encodedDataLength
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  await browser.close()
  return totals
}
