import { expect, test } from './support/test'
import { flagship } from './support/fixtures'

test.describe('a reader reads the flagship review', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(flagship.url)
  })

  test('headline, standfirst, byline, date and reading time', async ({ page }) => {
    await expect(page).toHaveTitle(`${flagship.headline} | Intertitle`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(flagship.headline)
    const byline = page.getByRole('link', { name: flagship.critic.name })
    await expect(byline).toHaveAttribute('href', flagship.critic.url)
    await expect(page.locator(`article time[datetime^="${flagship.date}"]`).first()).toHaveText(
      '5 June 2025',
    )
    await expect(page.getByText(/\d+ min read/)).toBeVisible()
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Reviews'])
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Ballerina')
  })

  test('hero and inline stills with captions', async ({ page }) => {
    const hero = page.locator('figure', { hasText: flagship.heroCaption })
    await expect(hero.locator('figcaption')).toHaveText(flagship.heroCaption)
    const heroImg = hero.getByRole('img')
    await expect(heroImg).toHaveAttribute('alt', /.+/)
    await expect
      .poll(() => heroImg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    await expect(
      page.locator('figcaption', {
        hasText: new RegExp(`^${flagship.stillCaption.replace(/[()]/g, '\\$&')}$`),
      }),
    ).toHaveCount(1)
  })

  test('the hero still loads first and the rest wait their turn, with no image code shipped', async ({
    page,
  }) => {
    const preload = page.locator(
      'head link[rel="preload"][as="image"][imagesrcset*="ballerina-2025-hero.jpg"]',
    )
    await expect(preload).toHaveCount(1)
    await expect(preload).toHaveAttribute('fetchpriority', 'high')
    await expect(
      page.locator('figure', { hasText: flagship.heroCaption }).getByRole('img'),
    ).toHaveAttribute('fetchpriority', 'high')
    const lazy = await page.locator('article img[loading="lazy"]').count()
    expect(lazy).toBeGreaterThan(0)
    // The cover is drawn 200 px wide on every screen: one file per pixel density, not every width.
    const cover = page.locator('#issue-panel-heading').locator('xpath=ancestor::section//img')
    const candidates = ((await cover.getAttribute('srcset')) ?? '').split(', ')
    expect(candidates.map((c) => c.split(' ')[1])).toEqual(['1x', '2x'])
    expect(candidates[0]).toContain('w=200&')
    await cover.scrollIntoViewIfNeeded()
    await expect
      .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    // next/image's client component would put its hook in the page's scripts; the server renders plain <img>.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => e.name),
    )
    const sources = await Promise.all(
      scripts.map(async (url) => (await page.request.get(url)).text()),
    )
    expect(sources.some((js) => js.includes('useImageConfig'))).toBe(false)
  })

  test('the pull quote is designed, repeats the body and is read only once', async ({ page }) => {
    const quote = page.locator('[data-pullquote]').first()
    await expect(quote).toBeVisible()
    await expect(quote).toHaveAttribute('aria-hidden', 'true')
    const words = (await quote.innerText()).replace(/[“”]/g, '').trim()
    const body = await page.locator('.prose-review > p').allInnerTexts()
    expect(body.join(' ')).toContain(words)
  })

  test('the film facts card', async ({ page }) => {
    const card = page.getByRole('region', { name: /Ballerina \(2025\)/ })
    for (const [term, detail] of Object.entries(flagship.facts)) {
      await expect(
        card.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('+ dd'),
      ).toHaveText(detail)
    }
    const cast = card
      .locator('dt', { hasText: /^Cast$/ })
      .locator('+ dd')
      .getByRole('listitem')
    for (const line of flagship.cast) await expect(cast.filter({ hasText: line })).toHaveCount(1)
    await expect(card.locator('dt', { hasText: /^Release$/ }).locator('+ dd')).toHaveText(
      '6 June 2025, in UK cinemas',
    )
  })

  test('the release line closes the article', async ({ page }) => {
    await expect(page.locator('[data-release-line]')).toHaveText(flagship.releaseLine)
  })

  test('the new-issue panel sells the magazine', async ({ page }) => {
    const panel = page.getByRole('region', { name: 'The new issue of Intertitle' })
    await expect(panel.getByRole('img')).toHaveAttribute('alt', /.+/)
    await expect(panel.getByText('On the cover:')).toBeVisible()
    await expect(panel.getByText('Inside:')).toBeVisible()
    expect(await panel.getByRole('listitem').count()).toBeGreaterThanOrEqual(3)
    const buy = panel.getByRole('link', { name: 'Get your copy' })
    const href = new URL((await buy.getAttribute('href')) ?? '')
    expect(href.searchParams.get('utm_source')).toBe('intertitle')
    expect(href.searchParams.get('utm_medium')).toBe('issue-panel')
    expect(href.searchParams.get('utm_content')).toBe('ballerina-2025')
    await expect(panel.getByRole('link', { name: /Subscribe/ })).toBeVisible()
  })

  test('related reviews and the footer', async ({ page }) => {
    const related = page.getByRole('region', { name: 'Related reviews' })
    const links = related.getByRole('link')
    expect(await links.count()).toBeGreaterThanOrEqual(1)
    await expect(links.first()).toHaveAttribute('href', /^\/reviews\//)
    await expect(page.getByRole('contentinfo')).toBeVisible()
  })

  test('the skip link takes a keyboard user to the main content', async ({ page, browserName }) => {
    test.skip(browserName !== 'chromium')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    await expect(skip).toBeFocused()
    await expect(skip).toHaveAttribute('href', '#main')
    await page.keyboard.press('Enter')
    await expect(page.locator('main#main')).toBeFocused()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null)
    expect(focused).toBe(true)
  })

  test('no horizontal scrolling at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
  })

  test('prints cleanly: no navigation, panel or footer on paper', async ({ page }) => {
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('region', { name: 'The new issue of Intertitle' })).toBeHidden()
    await expect(page.getByRole('contentinfo')).toBeHidden()
    await expect(page.locator('[data-release-line]')).toBeVisible()
  })
})
