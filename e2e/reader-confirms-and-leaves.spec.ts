import { spawn } from 'node:child_process'
import { once } from 'node:events'
import type { ParsedMail } from 'mailparser'
import { expect, test, type Page } from './support/test'
import { flagship } from './support/fixtures'
import { startServer, type Server } from './support/servers'
import { startPostgres, type TestPostgres } from '../scripts/testing/postgres'
import { sendCommand } from '../scripts/testing/newsletter'
import { listHeaders, startTestSmtp, type TestSmtp } from '../scripts/testing/smtp'
import { mailbox } from './support/mailbox'

/**
 * The newsletter's whole promise, with real parts: a `next start` of the built site on
 * PostgreSQL (so that `npm run newsletter:send` can run beside it), its mail going to a real SMTP
 * server on a loopback port, read back as a mail client would. Two readers sign up, one with
 * JavaScript and one without, confirm from the email, receive the issue, and leave: one with the
 * mail client's one-click unsubscribe, one with the page.
 */
test.describe.configure({ mode: 'serial' })

let smtp: TestSmtp
let pg: TestPostgres
let server: Server

test.beforeAll(async () => {
  test.setTimeout(180_000)
  ;[smtp, pg] = await Promise.all([startTestSmtp(), startPostgres()])
  // Its own address as SITE_URL, as in production: the emails' links and images point at it.
  server = await startServer((base) => ({
    DATABASE_URL: pg.url,
    SMTP_URL: smtp.url,
    SITE_URL: base,
  }))
})

test.afterAll(async () => {
  await server?.stop()
  await Promise.all([smtp?.stop(), pg?.stop()])
})

let serial = 0
const readers = {
  js: `Ada.${Date.now()}.${serial++}@Example.com`,
  plain: `bo.${Date.now()}.${serial++}@example.com`,
}
const inbox = mailbox(
  () => smtp,
  () => server.base,
)
const mailTo = inbox.to
const nextMailTo = inbox.next
const linkIn = inbox.linkIn

/** Where List-Unsubscribe points, on the test's server. */
function oneClickOf(message: ParsedMail): string {
  const header = listHeaders(message).unsubscribe ?? ''
  const url = new URL(/^<([^>]+)>/.exec(header)?.[1] ?? 'http://none/')
  return `${server.base}${url.pathname}${url.search}`
}

async function signUpOn(page: Page, url: string, email: string) {
  await page.goto(`${server.base}${url}`)
  const form = page.locator('#newsletter')
  await form.getByLabel('Email address').fill(email)
  await form.getByRole('checkbox').check()
  await form.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByText(/Thank you\. Please check your inbox/)).toBeVisible()
}

/** The mail server's copies of the site's emails: both parts, and both list headers, on each. */
function expectWellFormed(message: ParsedMail) {
  expect(message.html).toBeTruthy()
  expect(message.text).toBeTruthy()
  expect(listHeaders(message)).toEqual({
    unsubscribe: expect.stringMatching(
      /^<https?:\/\/[^>]+\/api\/newsletter\/unsubscribe\?t=[\w-]+>/,
    ),
    post: 'List-Unsubscribe=One-Click',
  })
  for (const img of message.html ? message.html.matchAll(/<img\b[^>]*>/g) : [])
    expect(img[0]).toMatch(/\salt="[^"]+"/)
}

async function newsletterSend(issue: string, ...flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [...sendCommand(issue), ...flags], {
    env: { ...process.env, DATABASE_URL: pg.url, SMTP_URL: smtp.url, SITE_URL: server.base },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const [code] = (await once(child, 'exit')) as [number]
  expect(code, stderr).toBe(0)
  return stderr
}

test('with JavaScript: a reader signs up under a review, confirms from the email, and signing up again sends nothing more', async ({
  page,
}) => {
  await signUpOn(page, `${flagship.url}?utm_source=bsky&utm_campaign=e2e`, readers.js)
  const confirmation = await nextMailTo(readers.js, 1)
  expectWellFormed(confirmation)
  expect(confirmation.subject).toBe('Confirm your Intertitle newsletter signup')

  // Opening the link (as a mail scanner would) confirms nothing; the button does.
  await page.goto(linkIn(confirmation, '/newsletter/confirm?t='))
  await expect(page.getByRole('heading', { name: 'Confirm your address' })).toBeVisible()
  await page.goto(linkIn(confirmation, '/newsletter/confirm?t='))
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('heading', { name: 'You are on the list' })).toBeVisible()

  await signUpOn(page, '/newsletter', readers.js)
  await page.waitForTimeout(1_500)
  expect(mailTo(readers.js)).toHaveLength(1)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a reader signs up and confirms with plain forms', async ({ page }) => {
    await signUpOn(page, '/newsletter', readers.plain)
    const confirmation = await nextMailTo(readers.plain, 1)
    expectWellFormed(confirmation)
    await page.goto(linkIn(confirmation, '/newsletter/confirm?t='))
    await page.getByRole('button', { name: 'Confirm' }).click()
    await expect(page.getByRole('heading', { name: 'You are on the list' })).toBeVisible()
  })
})

test('the new issue reaches both confirmed readers once, with a web version anyone can read', async ({
  page,
}) => {
  // Marketing checks a test copy first: it goes to that address only.
  await newsletterSend('june-2025', '--test', 'marketing@example.com')
  const proof = await nextMailTo('marketing@example.com', 1)
  expect(proof.subject).toMatch(/^\[Test\] Intertitle, June 2025, No\. 401: /)
  expect(smtp.messages).toHaveLength(3) // the two confirmations, and the proof

  const output = await newsletterSend('june-2025')
  expect(output).toMatch(/done\. 2 sent/)
  for (const email of Object.values(readers)) {
    const issue = await nextMailTo(email, 2)
    expectWellFormed(issue)
    expect(issue.subject).toContain('June 2025, No. 401')
    expect(issue.text).toMatch(/utm_source=newsletter&utm_medium=email&utm_campaign=june-2025/)
  }
  // Run again: the issue was sent, so nobody is mailed.
  expect(await newsletterSend('june-2025')).toMatch(/already sent: 2 sent/)
  expect(smtp.messages).toHaveLength(5)

  const web = await page.goto(linkIn(mailTo(readers.js)[1]!, '/newsletter/issues/'))
  expect(web?.status()).toBe(200)
  await expect(
    page.getByRole('heading', { name: 'The new issue: June 2025, No. 401' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Unsubscribe' })).toHaveCount(0)
})

test("a mail client's one-click unsubscribe (a cookie-less POST) takes effect at once", async ({
  page,
}) => {
  const issue = await nextMailTo(readers.js, 2)
  const url = oneClickOf(issue)
  // A person opening the header's address is shown the page, not unsubscribed.
  const opened = await fetch(url, { redirect: 'manual' })
  expect(opened.status).toBe(303)
  const posted = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  })
  expect(posted.status).toBe(200)

  // The confirmation link, still within its 48 hours, no longer brings the reader back.
  await page.goto(linkIn(mailTo(readers.js)[0]!, '/newsletter/confirm?t='))
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a reader unsubscribes with the button on the page the footer link opens', async ({
    page,
  }) => {
    const issue = await nextMailTo(readers.plain, 2)
    await page.goto(linkIn(issue, '/newsletter/unsubscribe?t='))
    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    await expect(page.getByRole('heading', { name: 'You have unsubscribed' })).toBeVisible()
  })
})

test('a reader who left and signs up again is not mailed until they confirm anew', async ({
  page,
}) => {
  await signUpOn(page, '/newsletter', readers.plain)
  const before = smtp.messages.length
  expect(await newsletterSend('july-2025')).toMatch(/done\. 0 sent/)
  expect(smtp.messages).toHaveLength(before)
})

test('malformed or unknown newsletter requests get a 4xx, never a 5xx', async () => {
  const post = (pathname: string, body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${server.base}${pathname}`, { method: 'POST', headers: { 'content-type': type }, body })
  expect(
    (await post('/api/newsletter/unsubscribe?t=unknown-token-1234', 'List-Unsubscribe=One-Click'))
      .status,
  ).toBe(404)
  expect(
    (await post('/api/newsletter/unsubscribe?t=unknown-token-1234', 'nothing=here')).status,
  ).toBe(400)
  expect((await post('/api/newsletter/unsubscribe', 'List-Unsubscribe=One-Click')).status).toBe(400)
  expect((await post('/api/newsletter/confirm', '{"t":1}', 'application/json')).status).toBe(400)
  expect(
    (await post('/api/newsletter/confirm', 't=%ZZ', 'multipart/form-data; boundary=x')).status,
  ).toBe(400)
  expect((await fetch(`${server.base}/newsletter/issues/no-such-issue`)).status).toBe(404)
  // The pages a reader's token opens are kept by no cache and shown to no search engine.
  for (const page of [
    '/newsletter/confirm?t=some-token-123',
    '/newsletter/unsubscribe?t=some-token-123',
  ]) {
    const answer = await fetch(`${server.base}${page}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
    expect(answer.headers.get('x-robots-tag')).toBe('noindex')
  }
})
