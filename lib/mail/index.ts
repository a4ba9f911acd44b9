import { randomUUID } from 'node:crypto'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type { EncodedBody } from './body-template'

export { bodyTemplate, type EncodedBody } from './body-template'

/** One email: both parts always, so that every reader's client can show it. */
export type Mail = {
  to: string
  subject: string
  /** Either part as text, or encoded already (`bodyTemplate`, for a send to many readers). */
  html: string | EncodedBody
  text: string | EncodedBody
  /** A stable id (e.g. one per issue and reader) so that a resent copy is recognisably the same. */
  messageId?: string
  /** The reader's one-click unsubscribe URL: sent as List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl?: string
}

export type MailConfig = {
  /** `smtp://` or `smtps://`, with credentials. Unset: messages go to the outbox folder. */
  smtpUrl?: string
  from: string
  /** Where messages are written as .eml files when there is no SMTP server. */
  outboxDir: string
  /**
   * For bulk sends: keep connections open between messages, and give up on a silent server
   * quickly (a job queue retries) instead of after nodemailer's minutes.
   */
  bulk?: boolean
}

/** SMTP_URL's server, or the outbox folder in DATA_DIR on the embedded default. */
export const mailConfig = (env: { SMTP_URL?: string; MAIL_FROM: string; DATA_DIR: string }) => ({
  smtpUrl: env.SMTP_URL,
  from: env.MAIL_FROM,
  outboxDir: path.resolve(/* turbopackIgnore: true */ env.DATA_DIR, 'outbox'),
})

export type Mailer = {
  /** Sends (or files) one message; resolves once the server accepted it or the file is written. */
  send(mail: Mail): Promise<{ messageId: string; file?: string }>
  close(): void
}

function message(mail: Mail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    // RFC 8058: a mail client's one-click unsubscribe is a POST of this body to the URL.
    ...(mail.unsubscribeUrl
      ? {
          list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }
      : {}),
  }
}

/**
 * The site's mail transport: nodemailer over SMTP_URL, or, with none (the embedded default), each
 * message written whole as an .eml file in the outbox, where a person can open what would have
 * been sent. Files appear complete (written aside, then renamed).
 */
export function createMailer({ smtpUrl, from, outboxDir, bulk = false }: MailConfig): Mailer {
  if (smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(
      bulk
        ? {
            url: smtpUrl,
            pool: true,
            maxConnections: 2,
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 20_000,
          }
        : smtpUrl,
    )
    return {
      async send(mail) {
        const info = await transport.sendMail(message(mail, from))
        return { messageId: info.messageId }
      },
      close: () => transport.close(),
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true })
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail, from))
      mkdirSync(/* turbopackIgnore: true */ outboxDir, { recursive: true })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`
      const file = path.join(/* turbopackIgnore: true */ outboxDir, name)
      writeFileSync(`${file}.part`, info.message as Buffer)
      renameSync(`${file}.part`, file)
      return { messageId: info.messageId, file }
    },
    close: () => transport.close(),
  }
}

/**
 * Whether a failed send will fail again however often it is tried: the server refused the
 * recipient or the message with a 5xx reply (RFC 5321). Anything else (a 4xx, a refused or
 * dropped connection, a timeout) is temporary and worth retrying.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}
