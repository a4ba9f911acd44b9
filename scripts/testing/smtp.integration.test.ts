import nodemailer from 'nodemailer'
import { expect, it, onTestFinished } from 'vitest'
import { startTestSmtp } from './smtp'

it('keeps the same header lines whether it parses the whole message or only its header', async () => {
  const parsed = await startTestSmtp()
  const headersOnly = await startTestSmtp({ headersOnly: true })
  onTestFinished(() => Promise.all([parsed.stop(), headersOnly.stop()]).then(() => {}))
  const message = {
    from: 'newsletter@intertitle.example',
    to: 'reader1@example.com',
    subject:
      'The new issue: a subject long enough, with an accent or two (café, Málaga), to be folded',
    text: 'Body.\n',
    html: '<p>Body.</p>',
    headers: {
      // Long enough that the transport folds it over several lines.
      'List-Unsubscribe': `<https://intertitle.example/api/newsletter/unsubscribe?t=${'x'.repeat(120)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
  // Composed once, so that both get the same bytes (the boundary and Message-ID are random).
  const { message: raw } = await nodemailer
    .createTransport({ streamTransport: true, buffer: true })
    .sendMail(message)
  const envelope = { from: message.from, to: [message.to] }
  for (const server of [parsed, headersOnly])
    await nodemailer.createTransport(server.url).sendMail({ envelope, raw })
  const [full] = parsed.messages
  const [light] = headersOnly.messages
  expect(light?.recipients).toEqual(['reader1@example.com'])
  expect(light?.headerLines).toEqual(full?.headerLines)
  expect(light?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toMatch(/\r?\n\s/)
})
