import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './test'
import { publicRoutes } from './fixtures'

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // Label-in-name (WCAG 2.5.3) is marked experimental in axe, so it is switched on by hand.
    .options({
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

// One page per route, looked at in each theme in turn (the reader's system setting).
for (const route of [...publicRoutes, '/this-page-does-not-exist']) {
  test(`axe finds no violations on ${route}, light and dark`, async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await (colorScheme === 'light' ? page.goto(route) : page.reload())
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      )
      expect(await violations(page), colorScheme).toEqual([])
    }
  })
}
