import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { copyProjectOutside } from '../scripts/project-copy'

/**
 * An editor writes in the browser: the real Keystatic UI under `next dev`, on a copy of the
 * project (its own content/ and public/, so the checkout is never written to). The copy lives
 * outside the checkout with its own lockfile: inside it, Next took the checkout as its root and
 * its dev server reloaded the editor whenever the test run wrote a file there.
 */
const root = process.cwd()
let copy = ''
const port = Number(process.env.E2E_PORT ?? 3210) + 55
const base = `http://127.0.0.1:${port}`

let server: ChildProcess | undefined
let serverLog = ''

test.describe.configure({ mode: 'serial' })
test.setTimeout(480_000)

test.beforeAll(async () => {
  test.setTimeout(600_000)
  copy = copyProjectOutside(root, 'intertitle-editor-')
  server = spawn('npm', ['run', 'dev'], {
    cwd: copy,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'development',
      INTERTITLE_TURBOPACK_CACHE: '0',
    },
    detached: true,
  })
  server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()))
  server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()))
  await expect
    .poll(async () => (await fetch(`${base}/keystatic`).catch(() => undefined))?.status, {
      timeout: 540_000,
    })
    .toBe(200)
})

test.beforeEach(async ({ page }) => {
  // the first visit compiles the editor's client code: wait for its navigation once
  await page.goto(`${base}/keystatic`)
  await expect(page.getByRole('link', { name: 'Reviews' }).first()).toBeVisible({
    timeout: 300_000,
  })
})

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
  await new Promise((r) => setTimeout(r, 2000))
  if (process.env.EDITOR_E2E_LOG) writeFileSync(process.env.EDITOR_E2E_LOG, serverLog)
  if (copy) rmSync(copy, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 })
})

/** Content Security Policy refusals, except Keystatic's request for Google's web fonts (served none). */
function watchPolicy(page: Page): string[] {
  const refusals: string[] = []
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      /Content Security Policy/.test(m.text()) &&
      !/fonts\.googleapis\.com/.test(m.text())
    )
      refusals.push(m.text())
  })
  return refusals
}

const contentCheck = () =>
  spawnSync('npm', ['run', '--silent', 'content:check'], { cwd: copy, encoding: 'utf8' })

/** A text field by its label (Keystatic's fields also carry a description, so by role). */
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })

/** Picks an existing slug: the choices come once the editor has read the content's tree. */
async function pick(page: Page, label: string, value: string) {
  const box = page.getByRole('combobox', { name: label })
  const option = page.getByRole('option', { name: value, exact: true })
  await expect(async () => {
    await box.fill('')
    await box.fill(value)
    await expect(option).toBeVisible({ timeout: 2000 })
  }).toPass({ timeout: 60_000 })
  await option.click()
}

/** Selects a paragraph (three clicks) and applies one of the editors' marks from the toolbar. */
async function mark(page: Page, paragraph: Locator, label: string) {
  await paragraph.click({ clickCount: 3 })
  const toggle = page.getByRole('checkbox', { name: label })
  await toggle.click()
  await expect(toggle).toBeChecked()
}

test('an editor writes a review with a pull quote, an aside and an uploaded still', async ({
  page,
}) => {
  const refusals = watchPolicy(page)
  const slug = 'a-review-written-in-the-browser'
  await page.goto(`${base}/keystatic/collection/reviews/create`)
  await field(page, 'Headline').fill('A review written in the browser')
  await expect(field(page, 'File name')).toHaveValue(slug)
  await field(page, 'Standfirst').fill(
    'A short film about a long night, reviewed without a terminal.',
  )
  await pick(page, 'Critic', 'hannah-okafor')
  await field(page, 'Date').fill('2025-07-01')
  await pick(page, 'Film', 'sinners-2025')
  await field(page, 'File').fill('/images/stills/sinners-2025-hero.jpg')
  await field(page, 'Alt text').fill('Pale beams of light over a dark ridge')
  await pick(page, 'Issue', 'august-2025')
  await field(page, 'Release date').fill('2025-07-01')

  // the body typed in one go, ending with a still ("/" on a new line offers the editors' blocks)
  const body = page.getByRole('textbox', { name: 'Review' })
  await body.click()
  await page.keyboard.type('The night is long and the music never stops playing.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('The music never stops playing.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Seen at a preview with an audience that sang along.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('/')
  await page.keyboard.type('Still')
  // The menu shows at once when it shows at all; once in CI it never did (cause not found) and the
  // test waited out its eight minutes before the retry passed. A minute, then the retry.
  await page.getByText('A picture between paragraphs').click({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Edit' }).last().click()
  const dialog = page.getByRole('dialog', { name: 'Edit Still' })
  await dialog
    .locator('input[type=file]')
    .setInputFiles(path.join(root, 'public/images/stills/sinners-2025-2.jpg'))
  await expect(dialog.getByText(/Uploaded as \/images\/stills\//)).toBeVisible()
  const src = (
    await dialog.getByRole('textbox', { name: 'Image (path under public/)' }).inputValue()
  ).trim()
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('Searchlights over a ridge')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  // then the marks, each on a paragraph selected with the mouse
  await mark(page, body.getByText('The music never stops playing.', { exact: true }), 'Pull quote')
  await mark(page, body.getByText('Seen at a preview', { exact: false }), 'Aside')
  // the aside's title: the mark's popover (edit, remove), then its dialog
  await body.locator('span.keystatic-aside').click()
  await page.getByRole('dialog').getByRole('button').first().click()
  const asideDialog = page.getByRole('dialog', { name: 'Edit Aside' })
  await asideDialog.getByRole('textbox', { name: 'Title' }).fill('Where we saw it')
  await asideDialog.getByRole('button', { name: 'Done' }).click()
  await expect(asideDialog).toBeHidden()

  await page.getByRole('button', { name: 'Create' }).click()
  // the first save compiles the editor's API route in the dev server
  await expect(page).toHaveURL(new RegExp(`/keystatic/collection/reviews/item/${slug}$`), {
    timeout: 120_000,
  })

  const file = path.join(copy, 'content/reviews', `${slug}.mdx`)
  expect(existsSync(file)).toBe(true)
  const text = readFileSync(file, 'utf8')
  expect(text).toContain('<PullQuote>The music never stops playing.</PullQuote>')
  expect(text).toContain('<Aside title="Where we saw it">')
  expect(text).toContain(`<Still src="${src}"`)
  expect(src).toMatch(/^\/images\/stills\/[a-z0-9-]+\.jpg$/)
  expect(existsSync(path.join(copy, 'public', src))).toBe(true)

  const check = contentCheck()
  expect(check.status, check.stderr + check.stdout).toBe(0)

  await expect
    .poll(async () => (await fetch(`${base}/reviews/${slug}`)).status, { timeout: 90_000 })
    .toBe(200)
  // the editor's Preview opens the piece as readers will see it, in a new tab
  const [preview] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Preview' }).click(),
  ])
  await expect(preview).toHaveURL(`${base}/reviews/${slug}`, { timeout: 60_000 })
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
    'A review written in the browser',
  )
  expect(refusals).toEqual([])
})

test('an edit to one standfirst changes one line of the file', async ({ page }) => {
  const refusals = watchPolicy(page)
  const file = path.join(copy, 'content/reviews/sinners-2025.mdx')
  const before = readFileSync(file, 'utf8')
  await page.goto(`${base}/keystatic/collection/reviews/item/sinners-2025`)
  const standfirst = field(page, 'Standfirst')
  const old = await standfirst.inputValue()
  const edited = old.replace(/living room\.$/, 'sitting room.')
  expect(edited).not.toBe(old)
  await standfirst.fill(edited)
  await page.getByRole('button', { name: 'Save' }).click()
  // Keystatic writes the file in place: wait for the whole new text, not the first change (a
  // read between its truncate and its write saw an empty file)
  const saved = () => readFileSync(file, 'utf8')
  await expect
    .poll(() => saved().includes('sitting room.') && saved().endsWith('\n'), { timeout: 30_000 })
    .toBe(true)
  const after = saved().split('\n')
  const lines = before.split('\n')
  const changed = lines.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]))
  expect(after.length).toBe(lines.length)
  expect(changed).toHaveLength(1)
  expect(changed[0]?.[1]).toContain('sitting room.')
  expect(refusals).toEqual([])
})
