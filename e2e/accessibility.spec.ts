import { violations } from './support/axe'
import { expect, test } from './support/test'
import { publicRoutes } from './support/fixtures'

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
