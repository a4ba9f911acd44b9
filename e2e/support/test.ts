import { test as base, expect, type Page } from '@playwright/test'

export * from '@playwright/test'

/** Collects what the page's Content-Security-Policy refuses, as Chromium reports each refusal on the console. */
export function refusalsOn(page: Page): string[] {
  const refused: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      refused.push(`${page.url()}: ${message.text()}`)
  })
  return refused
}

/**
 * Playwright's `test`, whose browser page fails the test if anything on it runs into the
 * site's Content-Security-Policy: every page any test visits shows that the policy lets the
 * page's own scripts run.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const refused = refusalsOn(page)
    await provide(page)
    expect(refused, 'nothing on the page was refused by its Content-Security-Policy').toEqual([])
  },
})
