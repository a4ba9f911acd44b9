import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSmtp, type TestSmtp } from '@/scripts/testing/smtp'
import { bodyTemplate, createMailer, type Mail } from './index'

const mail: Mail = {
  to: 'reader@example.com',
  subject: 'Confirm your Intertitle newsletter',
  html: '<p>Please <a href="https://intertitle.test/newsletter/confirm?t=abc">confirm</a>.</p>',
  text: 'Please confirm: https://intertitle.test/newsletter/confirm?t=abc',
  messageId: '<issue-july-2025.reader-1@intertitle.test>',
  unsubscribeUrl: 'https://intertitle.test/api/newsletter/unsubscribe?t=xyz',
}
const from = 'Intertitle <newsletter@intertitle.test>'

/** A header as sent, by its raw line (mailparser folds the List-* ones into an object). */
const headerLine = (parsed: ParsedMail, name: string) =>
  parsed.headerLines.find((h) => h.key === name)?.line ?? ''

describe('the mail transport', () => {
  let smtp: TestSmtp
  let outbox: string
  beforeAll(async () => {
    smtp = await startTestSmtp()
    outbox = mkdtempSync(path.join(tmpdir(), 'intertitle-outbox-'))
  })
  afterAll(async () => {
    await smtp?.stop()
    rmSync(outbox, { recursive: true, force: true })
  })

  it('sends through SMTP: both parts, the stable id and the one-click unsubscribe headers', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from, outboxDir: outbox })
    try {
      await mailer.send(mail)
    } finally {
      mailer.close()
    }
    expect(smtp.messages).toHaveLength(1)
    const received = smtp.messages[0]!
    expect(received.recipients).toEqual(['reader@example.com'])
    expect(received.subject).toBe(mail.subject)
    expect(received.from?.value[0]).toMatchObject({
      name: 'Intertitle',
      address: 'newsletter@intertitle.test',
    })
    expect(received.html).toContain('confirm?t=abc')
    expect(received.text?.trim()).toBe(mail.text)
    expect(received.messageId).toBe(mail.messageId)
    expect(headerLine(received, 'list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    )
    expect(headerLine(received, 'list-unsubscribe')).toContain(`<${mail.unsubscribeUrl}>`)
    expect(readdirSync(outbox)).toEqual([])
  })

  it('without an SMTP server, writes each message whole as an .eml file in the outbox', async () => {
    const mailer = createMailer({ from, outboxDir: outbox })
    const { file } = await mailer.send(mail)
    await mailer.send({ ...mail, to: 'second@example.com', messageId: undefined })
    mailer.close()
    const files = readdirSync(outbox)
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(2)
    expect(files.filter((f) => !f.endsWith('.eml'))).toEqual([])
    const parsed = await simpleParser(readFileSync(file!))
    expect(parsed.subject).toBe(mail.subject)
    expect(parsed.html).toContain('confirm?t=abc')
    expect(headerLine(parsed, 'list-unsubscribe')).toContain(`<${mail.unsubscribeUrl}>`)
  })

  it('a server that is down is an error the caller sees, not a lost message', async () => {
    await smtp.stop()
    const mailer = createMailer({ smtpUrl: smtp.url, from, outboxDir: outbox })
    await expect(mailer.send(mail)).rejects.toThrow()
    mailer.close()
    await smtp.start()
    const again = createMailer({ smtpUrl: smtp.url, from, outboxDir: outbox })
    await again.send(mail)
    again.close()
    expect(smtp.messages).toHaveLength(2)
  })

  it('a body encoded once for many readers reads exactly as one encoded for each', async () => {
    const slot = 'READER-SLOT'
    // Everything that makes quoted-printable work: accents and dashes, a line far longer than 76
    // characters with no space to break at (one whose last line is full just before the slot),
    // spaces just before the slot, the slot at the very start and end, twice in a row, inside a
    // URL, and both kinds of line ending.
    const html = `${slot}<p>Café — “Ballerina”, reviewed  ${slot}</p>\n<a href="https://intertitle.test/u?t=${slot}">${'x'.repeat(200)}</a>\r\n${slot}${slot} é${slot}`
    const text = `Unsubscribe: https://intertitle.test/u?t=${slot}\n${'é'.repeat(90)} \n${slot}${'y'.repeat(301)}${slot}`
    const [htmlFor, textFor] = [
      bodyTemplate('text/html', html, slot),
      bodyTemplate('text/plain', text, slot),
    ]
    const mailer = createMailer({ from, outboxDir: outbox })
    try {
      for (const token of ['63ca32be060048439efc1fbe48254096', 'a'.repeat(100)]) {
        const once = await mailer.send({ ...mail, html: htmlFor(token), text: textFor(token) })
        const each = await mailer.send({
          ...mail,
          html: html.replaceAll(slot, token),
          text: text.replaceAll(slot, token),
        })
        const a = await simpleParser(readFileSync(once.file!))
        const b = await simpleParser(readFileSync(each.file!))
        expect(a.html).toBe(b.html)
        expect(a.text).toBe(b.text)
        expect(a.html).toContain(`u?t=${token}"`)
        // No line longer than the 76 characters RFC 2045 allows a quoted-printable one.
        const lines = readFileSync(once.file!, 'latin1').split('\r\n')
        expect(lines.filter((line) => line.length > 76)).toEqual([])
      }
    } finally {
      mailer.close()
    }
  })
})
