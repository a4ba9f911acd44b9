/**
 * A real SMTP server on a loopback port for the tests (smtp-server), keeping every message it
 * accepts, parsed (mailparser). Nothing is mocked: the site's mail goes through its own
 * transport to this server exactly as it would to a provider's.
 */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type TestSmtp = {
  /** `smtp://user:pass@127.0.0.1:<port>`, as SMTP_URL. */
  url: string
  port: number
  /** Every message accepted so far, with its envelope recipients. */
  messages: (ParsedMail & { recipients: string[] })[]
  /** Stops accepting connections (a provider down); `start` brings it back on the same port. */
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startTestSmtp({ port = 0 } = {}): Promise<TestSmtp> {
  const messages: TestSmtp['messages'] = []
  let server: SMTPServer
  let listening = port

  async function start() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            messages.push(
              Object.assign(parsed, {
                recipients: session.envelope.rcptTo.map((r) => r.address),
              }),
            )
            callback()
          })
          .catch(callback)
      },
    })
    server.listen(listening, '127.0.0.1')
    await once(server.server, 'listening')
    listening = (server.server.address() as AddressInfo).port
  }

  await start()
  return {
    get url() {
      return `smtp://test:test@127.0.0.1:${listening}`
    },
    get port() {
      return listening
    },
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start,
  }
}
