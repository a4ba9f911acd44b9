/**
 * `npm run newsletter:send -- <issue-slug> [--no-wait] [--server URL]`: sends the issue to every
 * confirmed reader, once each, as the desk's Send does (/staff/newsletter, where marketing sends
 * it from): for scripts. A second run never mails anyone twice: it resumes a paused send, follows
 * one running, or says the issue was sent.
 *
 * - On PostgreSQL (DATABASE_URL) it starts the send itself and works the queue beside the site's
 *   own workers until the send is done (with --no-wait, it leaves the work to them).
 * - On the embedded default the running site holds the database: the command asks it, at SITE_URL
 *   or --server, authenticated by PREVIEW_SECRET, and prints its progress. With no site running,
 *   it opens the database and sends alone.
 *
 * `npm run newsletter:send -- <issue-slug> --test <address>` sends one copy to that address only.
 */
import { parseArgs } from 'node:util'
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), false, { info: console.error, error: console.error })

const usage =
  'usage: npm run newsletter:send -- <issue-slug> [--test <address>] [--no-wait] [--server URL]'

type Progress = { sent: number; bounced: number; skipped: number; waiting: number }
const summary = (p: Progress) =>
  `${p.sent} sent, ${p.bounced} bounced, ${p.skipped} skipped (left the list while queued), ${p.waiting} waiting`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      test: { type: 'string' },
      'no-wait': { type: 'boolean' },
      server: { type: 'string' },
    },
  })
  const [issueSlug, ...extra] = positionals
  if (!issueSlug || extra.length) throw new Error(usage)

  const [{ env }, { getIssue, getIssueOnSale }, { createMailer, mailConfig }] = await Promise.all([
    import('../lib/env'),
    import('../lib/content'),
    import('../lib/mail'),
  ])
  const known = getIssue(issueSlug)
  if (!known) throw new Error(`there is no issue "${issueSlug}" in content/issues/.`)
  if (!getIssueOnSale(issueSlug))
    throw new Error(
      `${issueSlug} goes on sale on ${known.onSale.slice(0, 10)}; its page is not public until then.`,
    )
  const config = mailConfig(env)
  const where = env.SMTP_URL ? 'the mail server (SMTP_URL)' : config.outboxDir
  const log = (line: string) => console.error(`${issueSlug}: ${line}`)

  if (values.test !== undefined) {
    const [{ composeTestCopy }, { normaliseEmail }] = await Promise.all([
      import('../lib/services/emails'),
      import('../lib/newsletter/email'),
    ])
    const mailer = createMailer(config)
    try {
      await mailer.send({ ...(await composeTestCopy(issueSlug)), to: normaliseEmail(values.test) })
    } finally {
      mailer.close()
    }
    console.error(`Sent a test copy of ${issueSlug} to ${values.test} through ${where}.`)
    return
  }

  const { openDatabase, DatabaseInUse } = await import('../lib/db')
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }).catch(
    (error: unknown) => {
      if (error instanceof DatabaseInUse) return undefined
      throw error
    },
  )
  if (!db)
    return viaSite(values.server ?? env.SITE_URL, env.PREVIEW_SECRET, issueSlug, {
      wait: !values['no-wait'],
      log,
    })

  const [{ createStore }, queue, sender, { composeNewIssue }] = await Promise.all([
    import('../lib/newsletter/store'),
    import('../lib/newsletter/send/queue'),
    import('../lib/newsletter/send/sender'),
    import('../lib/newsletter/new-issue'),
  ])
  const mailer = createMailer({ ...config, bulk: true })
  const limiter = queue.sendLimiter(env)
  let boss: Awaited<ReturnType<typeof queue.openQueue>> | undefined
  try {
    const store = await createStore(db)
    boss = await queue.openQueue(db, {
      leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
      retrySeconds: env.NEWSLETTER_SEND_RETRY_SECONDS,
    })
    const started = await sender.startSend(db, boss, issueSlug, 'npm run newsletter:send')
    if (started.outcome === 'started') log(`queued ${started.queued} reader(s), through ${where}.`)
    else log(`${started.outcome.replace('-', ' ')}: ${summary(started.progress)}.`)
    if (started.outcome === 'already-sent' || values['no-wait']) return
    const begun = Date.now()
    const done = await sender.sendIssue(issueSlug, {
      db,
      store,
      boss,
      mailer,
      limiter,
      compose: (slug) => composeNewIssue(slug),
      leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
      batchSize: queue.sendBatchSize(env),
      pauseMs: env.NEWSLETTER_SEND_RETRY_SECONDS * 1000,
      log,
    })
    const paused = await sender.isPaused(db, issueSlug)
    log(
      `${paused ? 'paused' : 'done'}. ${summary(done)}, in ${((Date.now() - begun) / 1000).toFixed(1)} s.`,
    )
  } finally {
    await boss?.stop({ graceful: false, close: false, wait: true }).catch(() => undefined)
    mailer.close()
    await limiter.close()
    await db.close()
  }
}

/** The running site sends: the command starts the send through its API, then follows it. */
async function viaSite(
  server: string,
  secret: string | undefined,
  issue: string,
  { wait, log }: { wait: boolean; log: (line: string) => void },
): Promise<void> {
  if (!secret)
    throw new Error(
      'the site holds the embedded database, and PREVIEW_SECRET is not set to ask it: set it, or stop the site.',
    )
  const call = async (init?: RequestInit) => {
    const url = new URL(`/api/newsletter/sends${init ? '' : `?issue=${issue}`}`, server)
    const response = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    }).catch(() => {
      throw new Error(
        `the embedded database is held by a process, and no site answers at ${server}: pass --server URL.`,
      )
    })
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    if (!response.ok) throw new Error(`${server} refused: ${String(body.error ?? response.status)}`)
    return body
  }
  const started = await call({ method: 'POST', body: JSON.stringify({ issue }) })
  log(`${String(started.outcome).replace('-', ' ')} by the site at ${server}.`)
  if (!wait || started.outcome === 'already-sent') return
  let last = ''
  for (;;) {
    const now = await call()
    const line = `${String(now.status)}: ${summary(now.progress as Progress)}`
    if (line !== last) log((last = line))
    if (now.status !== 'sending') return
    await sleep(2_000)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`newsletter:send failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
