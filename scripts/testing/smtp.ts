/**
 * A real SMTP server on a loopback port for the tests (smtp-server), keeping every message it
 * accepts, parsed (mailparser), or only its header lines for tests that send thousands. Nothing is
 * mocked: the site's mail goes through its own transport to this server exactly as it would to a
 * provider's.
 */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A message's header lines, as mailparser gives them (name in lower case, line as sent). */
type HeaderLines = Pick<ParsedMail, 'headerLines'>

/** What is kept of every message: its envelope recipients and its header lines. */
export type Received = HeaderLines & { recipients: string[] }

export type TestSmtp<M extends Received = ParsedMail & Received> = {
  /** `smtp://user:pass@127.0.0.1:<port>`, as SMTP_URL. */
  url: string
  port: number
  /** Every message accepted so far, with its envelope recipients. */
  messages: M[]
  /** Stops accepting connections (a provider down); `start` brings it back on the same port. */
  stop(): Promise<void>
  start(): Promise<void>
}

export type SmtpOptions = {
  port?: number
  /**
   * Decides each recipient as a provider would: undefined accepts it, a number refuses it with
   * that reply code (550: no such mailbox), 'hang' never answers (the test kills the client): from
   * then on every session open at that moment is dead, and a message it was sending is not taken.
   */
  recipient?: (address: string) => number | 'hang' | undefined
  /**
   * Keep only each message's header lines: mailparser's whole parse (~1.7 ms a message here) is on
   * the path of every 250 reply, and a send of 10,000 does not read the bodies.
   */
  headersOnly?: boolean
}

export async function startTestSmtp(
  options: SmtpOptions & { headersOnly: true },
): Promise<TestSmtp<Received>>
export async function startTestSmtp(options?: SmtpOptions): Promise<TestSmtp>
export async function startTestSmtp({
  port = 0,
  recipient,
  headersOnly = false,
}: SmtpOptions = {}): Promise<TestSmtp<Received>> {
  const messages: Received[] = []
  // Sessions open when a recipient hung (the test killed the client): their connections are dead,
  // so nothing more from them is accepted, not even a message whose data had already arrived.
  const open = new Set<string>()
  const dead = new Set<string>()
  let server: SMTPServer
  let listening = port

  async function start() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Stopped, it drops its clients at once, as a provider that goes down does.
      closeTimeout: 50,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      onConnect(session, callback) {
        open.add(session.id)
        callback()
      },
      onClose(session) {
        open.delete(session.id)
      },
      onRcptTo(address, session, callback) {
        if (dead.has(session.id)) return
        const verdict = recipient?.(address.address)
        if (verdict === 'hang') {
          for (const id of open) dead.add(id)
          return
        }
        if (verdict === undefined) return callback()
        callback(Object.assign(new Error(`Refused: ${address.address}`), { responseCode: verdict }))
      },
      onData(stream, session, callback) {
        ;(headersOnly ? readHeaderLines(stream) : simpleParser(stream))
          .then((parsed) => {
            if (dead.has(session.id)) return
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
    // A client dropped mid-message (killed, or cut off by stop()) is no error of the test's.
    server.on('error', () => {})
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

/** Reads only a message's header lines, the way mailparser splits them. */
async function readHeaderLines(stream: AsyncIterable<Buffer>): Promise<HeaderLines> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  const raw = Buffer.concat(chunks).toString('latin1')
  const end = raw.search(/\r?\n\r?\n/)
  const headerLines = (end < 0 ? raw : raw.slice(0, end))
    .split(/\r?\n(?![ \t])/)
    .map((line) => ({ key: line.slice(0, line.indexOf(':')).trim().toLowerCase(), line }))
  return { headerLines }
}

/** RFC 8058's two headers, as the message carried them. */
export function listHeaders(message: HeaderLines) {
  const line = (key: string) =>
    message.headerLines
      .find((h) => h.key === key)
      ?.line.replace(/^[^:]+:\s*/, '')
      .replace(/\r?\n\s+/g, ' ')
  return { unsubscribe: line('list-unsubscribe'), post: line('list-unsubscribe-post') }
}
