import { expect, test } from './support/test'
import { flagship, unpublished } from './support/fixtures'

test.describe('a reader searches', () => {
  test('the header opens search; a director, an actor and a critic find the flagship', async ({
    page,
  }) => {
    await page.goto(flagship.url)
    await page.getByRole('link', { name: 'Search' }).click()
    await expect(page).toHaveURL('/search')
    const box = page.getByRole('searchbox', { name: 'Search reviews' })
    for (const query of ['Len Wiseman', 'de Armas', flagship.critic.name]) {
      await box.fill(query)
      await expect(page).toHaveURL(`/search?q=${encodeURIComponent(query).replace(/%20/g, '+')}`)
      const result = page.getByRole('link', { name: flagship.headline })
      await expect(result).toBeVisible()
      await expect(page.getByRole('status').filter({ hasText: /match/ })).toContainText(query)
    }
    await expect(page.locator('main ol mark').first()).toBeVisible()
  })

  test('every review that matches is counted; one page of results has no pager, and a page past the last shows the first', async ({
    page,
    browser,
  }) => {
    // All the sample reviews of 2025: fewer than a page (20).
    for (const context of [
      page.context(),
      await browser.newContext({ javaScriptEnabled: false }),
    ]) {
      const tab = context === page.context() ? page : await context.newPage()
      await tab.goto('/search?year=2025&page=7')
      const results = tab.locator('section[aria-labelledby="results-heading"] ol > li')
      await expect(results.first()).toBeVisible()
      const count = await results.count()
      await expect(tab.getByRole('status').filter({ hasText: /match/ })).toHaveText(
        `${count} reviews match these filters.`,
      )
      await expect(tab.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0)
      if (context !== page.context()) await context.close()
    }
  })

  test('filters narrow the results, and the back button restores the previous search', async ({
    page,
  }) => {
    await page.goto('/search')
    const box = page.getByRole('searchbox', { name: 'Search reviews' })
    await box.fill('Eve')
    // results follow the typing, and the address with them
    await expect(page).toHaveURL('/search?q=Eve')
    await box.press('Enter')
    await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
    await page.getByLabel('Genre').selectOption('Horror')
    // the new filter takes a new entry in the history before Enter ends it
    await expect(page).toHaveURL(/genre=Horror/)
    await box.press('Enter')
    await expect(page).toHaveURL(/genre=Horror/)
    await expect(page.getByRole('link', { name: flagship.headline })).toHaveCount(0)
    await page.goBack()
    await expect(page).toHaveURL('/search?q=Eve')
    await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
  })

  test('unpublished words find nothing', async ({ page }) => {
    for (const piece of unpublished) {
      await page.goto(`/search?q=${piece.word}`)
      await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText(
        `No reviews match “${piece.word}”.`,
      )
    }
    const index = await page.request.get('/pagefind/pagefind-entry.json')
    expect(index.status()).toBe(200)
  })

  test('without JavaScript the server answers the same URL', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/search')
    await page.getByRole('searchbox', { name: 'Search reviews' }).fill('Wiseman')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/search\?q=Wiseman/)
    await expect(page.getByRole('link', { name: flagship.headline })).toBeVisible()
    await expect(page.locator('main ol mark').first()).toHaveText(/wiseman/i)
    await context.close()
  })

  test('review pages load no search code', async ({ page }) => {
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(flagship.url)
    await page.waitForLoadState('networkidle')
    expect(requests.filter((u) => u.includes('pagefind'))).toEqual([])
  })
})
