import { test as base, expect } from '@playwright/test'

export * from '@playwright/test'

/**
 * Playwright's `test`, whose browser page fails the test if anything on it runs into the
 * site's Content-Security-Policy: every page any test visits shows that the policy lets the
 * page's own scripts run (Chromium reports each refusal on the console).
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`)
    })
    await provide(page)
    expect(refused, 'nothing on the page was refused by its Content-Security-Policy').toEqual([])
  },
})
