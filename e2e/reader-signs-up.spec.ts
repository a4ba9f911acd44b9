import { createHash } from 'node:crypto'
import { expect, test, type Locator, type Page } from './support/test'
import { flagship } from './support/fixtures'

const thanks = /Thank you\. Please check your inbox/

/** Each test signs up from its own client address, so the per-address rate limit is its own too. */
test.beforeEach(async ({ page }, info) => {
  const [a = 0, b = 0, c = 0] = createHash('sha256')
    .update(`${info.testId}:${info.project.name}:${info.retry}:${Date.now()}`)
    .digest()
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${a}.${b}.${c}` })
})

let serial = 0
const address = (tag: string) => `Reader.${tag}.${Date.now()}.${serial++}@Example.COM`

function signupForm(page: Page): Locator {
  return page.locator('#newsletter')
}

async function fill(form: Locator, email: string, consent = true) {
  await form.getByLabel('Email address').fill(email)
  if (consent) await form.getByRole('checkbox').check()
}

test.describe('with JavaScript', () => {
  test('the panel under a review signs a reader up in place, with pending state and focus on the answer', async ({
    page,
  }) => {
    await page.goto(flagship.url)
    // Hold the action's answer back a moment so the pending state can be seen.
    await page.route(flagship.url, async (route) => {
      if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 600))
      await route.continue()
    })
    const form = signupForm(page)
    await expect(form.getByRole('heading', { name: 'The Intertitle newsletter' })).toBeVisible()
    await fill(form, address('js'))
    await form.getByRole('button', { name: 'Sign up' }).click()
    await expect(form.getByRole('button', { name: 'Signing you up…' })).toBeVisible()
    const answer = form.getByRole('status')
    await expect(answer).toContainText(thanks)
    await expect(page.locator(':focus')).toContainText(thanks)
    expect(page.url()).toContain(flagship.url) // answered in place: no navigation
  })

  test('a bad address and a missing consent each get a message beside the field, keeping what was typed', async ({
    page,
  }) => {
    await page.goto('/newsletter')
    const form = signupForm(page)
    await fill(form, 'not-an-address', false)
    await form.getByRole('button', { name: 'Sign up' }).click()
    const email = form.getByLabel('Email address')
    await expect(email).toHaveAccessibleDescription(/Enter a valid email address/)
    await expect(email).toHaveAttribute('aria-invalid', 'true')
    await expect(email).toHaveValue('not-an-address')
    await expect(form.getByRole('checkbox')).toHaveAccessibleDescription(/Tick the box/)
    await expect(page.locator(':focus')).toContainText('Please check the form')
    await email.fill(address('fixed'))
    await form.getByRole('checkbox').check()
    await form.getByRole('button', { name: 'Sign up' }).click()
    await expect(form.getByRole('status')).toContainText(thanks)
  })

  test('the honeypot is invisible to readers and to assistive technology', async ({ page }) => {
    await page.goto('/newsletter')
    const trap = page.locator('input[name="website"]')
    await expect(trap).toHaveCount(1)
    await trap.scrollIntoViewIfNeeded().catch(() => undefined)
    await expect(trap).not.toBeInViewport() // drawn off the page, and out of the tab order
    await expect(trap).toHaveAttribute('tabindex', '-1')
    // aria-hidden: the accessibility tree has no such field.
    await expect(page.getByRole('textbox', { name: 'Leave this empty' })).toHaveCount(0)
    await expect(page.getByRole('textbox', { name: 'Email address' })).toHaveCount(1)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the form posts, answers beside the field, then thanks the reader', async ({ page }) => {
    await page.goto(`${flagship.url}?utm_source=newsletter&utm_campaign=june`)
    const form = signupForm(page)
    await fill(form, 'still wrong')
    await form.getByRole('button', { name: 'Sign up' }).click()
    await expect(form.getByLabel('Email address')).toHaveAccessibleDescription(
      /Enter a valid email address/,
    )
    await expect(form.getByLabel('Email address')).toHaveValue('still wrong')
    await expect(form.getByRole('checkbox')).toBeChecked()
    await fill(form, address('nojs'))
    await form.getByRole('button', { name: 'Sign up' }).click()
    await expect(form.getByRole('status')).toContainText(thanks)
  })

  test('an address already on the list gets exactly the same answer as a new one', async ({
    page,
  }) => {
    const email = address('twice')
    const answers: { status: number; text: string }[] = []
    for (let i = 0; i < 2; i++) {
      await page.goto('/newsletter')
      await fill(signupForm(page), email)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        signupForm(page).getByRole('button', { name: 'Sign up' }).click(),
      ])
      await expect(signupForm(page).getByRole('status')).toContainText(thanks)
      answers.push({ status: response.status(), text: await page.locator('main').innerText() })
    }
    expect(answers[1]).toEqual(answers[0])
  })

  test('a filled honeypot gets the same thank-you', async ({ page }) => {
    await page.goto('/newsletter')
    const form = signupForm(page)
    await fill(form, address('bot'))
    await page.locator('input[name="website"]').fill('https://spam.example', { force: true })
    await form.getByRole('button', { name: 'Sign up' }).click()
    await expect(form.getByRole('status')).toContainText(thanks)
  })

  test('too many signups from one address are turned away politely, not with an error', async ({
    page,
  }) => {
    let last = 0
    for (let i = 0; i < 6; i++) {
      await page.goto('/newsletter')
      await fill(signupForm(page), address(`burst${i}`))
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        signupForm(page).getByRole('button', { name: 'Sign up' }).click(),
      ])
      last = response.status()
      expect(last).toBeLessThan(500)
    }
    await expect(signupForm(page).getByRole('status')).toContainText(
      'several sign-ups from your connection',
    )
    await expect(signupForm(page).getByLabel('Email address')).toHaveValue(/burst5/)
  })
})
