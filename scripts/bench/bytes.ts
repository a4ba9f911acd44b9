import { chromium } from '@playwright/test'

export type Bytes = { html: number; css: number; js: number; fonts: number; images: number }

/** Bytes on the wire (compressed, as transferred) for what a phone-sized Chromium loads. */
export async function pageBytes(url: string): Promise<Bytes> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  const page = await browser.newPage({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, isMobile: true })
  const client = await page.context().newCDPSession(page)
  await client.send('Network.enable')
  const types = new Map<string, string>()
  const totals: Bytes = { html: 0, css: 0, js: 0, fonts: 0, images: 0 }
  client.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
  client.on('Network.loadingFinished', (e) => {
    const kind = { Document: 'html', Stylesheet: 'css', Script: 'js', Font: 'fonts', Image: 'images' }[types.get(e.requestId) ?? ''] as keyof Bytes | undefined
    if (kind) totals[kind] += e.encodedDataLength
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  await browser.close()
  return totals
}
