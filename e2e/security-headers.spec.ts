import { expect, test } from '@playwright/test'
import { flagship } from './fixtures'

test('every response carries the security headers; only search may compile WebAssembly', async ({ request }) => {
  for (const url of ['/', flagship.url, '/search', '/pagefind/pagefind.js', '/no-such-page']) {
    const headers = (await request.get(url)).headers()
    expect(headers['x-content-type-options'], url).toBe('nosniff')
    expect(headers['x-frame-options'], url).toBe('DENY')
    const csp = headers['content-security-policy'] ?? ''
    expect(csp, url).toContain("frame-ancestors 'none'")
    expect(csp, url).toContain("object-src 'none'")
    expect(csp.includes("'wasm-unsafe-eval'"), url).toBe(url === '/search' || url.startsWith('/pagefind/'))
    expect(csp, url).not.toContain("'unsafe-eval'")
  }
})
