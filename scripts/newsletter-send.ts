/**
 * `npm run newsletter:send -- <issue-slug>`: emails the issue to every confirmed reader, once
 * each, through the job queue (pg-boss) on the site's database. Killed or stopped, run it again:
 * it resumes where it stopped. On PostgreSQL several may run at once and share the work. On
 * the embedded default (PGlite, one process) the site must be stopped while it runs.
 *
 * `npm run newsletter:send -- <issue-slug> --test <address>` sends one copy to that address only.
 */
import { createElement } from 'react'
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), false, { info: console.error, error: console.error })

const usage = 'usage: npm run newsletter:send -- <issue-slug> [--test <address>]'

async function main(argv: string[]): Promise<void> {
  const [issueSlug, flag, address, ...extra] = argv
  if (
    !issueSlug ||
    issueSlug.startsWith('-') ||
    extra.length ||
    (flag && (flag !== '--test' || !address))
  )
    throw new Error(usage)

  const [{ env }, { composeNewIssue }, { getIssue, getIssueOnSale }, { createMailer }, path] =
    await Promise.all([
      import('../lib/env'),
      import('../lib/newsletter/new-issue'),
      import('../lib/content'),
      import('../lib/mail'),
      import('node:path'),
    ])
  const known = getIssue(issueSlug)
  if (!known) throw new Error(`there is no issue "${issueSlug}" in content/issues/.`)
  if (!getIssueOnSale(issueSlug))
    throw new Error(
      `${issueSlug} goes on sale on ${known.onSale.slice(0, 10)}; its page is not public until then.`,
    )
  const mailConfig = {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    outboxDir: path.resolve(env.DATA_DIR, 'outbox'),
  }
  const where = env.SMTP_URL ? 'the mail server (SMTP_URL)' : mailConfig.outboxDir

  if (flag === '--test') {
    const [
      { NewIssueEmail, newIssueSubject },
      { renderEmail },
      { normaliseEmail },
      { oneClickUrl },
    ] = await Promise.all([
      import('../lib/newsletter/emails/new-issue'),
      import('../lib/newsletter/emails/render'),
      import('../lib/newsletter/email'),
      import('../lib/newsletter/emails/links'),
    ])
    const issue = composeNewIssue(issueSlug)!
    // A test copy's unsubscribe link holds no reader's token: it leads to the page, which says so.
    const token = 'test-copy'
    const mailer = createMailer(mailConfig)
    try {
      await mailer.send({
        to: normaliseEmail(address!),
        subject: `[Test] ${newIssueSubject(issue)}`,
        ...(await renderEmail(createElement(NewIssueEmail, { issue, unsubscribeToken: token }))),
        unsubscribeUrl: oneClickUrl(token),
      })
    } finally {
      mailer.close()
    }
    console.error(`Sent a test copy of ${issueSlug} to ${address} through ${where}.`)
    return
  }

  const [{ openDatabase }, { createStore }, { openQueue }, sender, { siteRateLimiter }] =
    await Promise.all([
      import('../lib/db'),
      import('../lib/newsletter/store'),
      import('../lib/newsletter/send/queue'),
      import('../lib/newsletter/send/sender'),
      import('../lib/security/rate-limit'),
    ])
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
  const mailer = createMailer({ ...mailConfig, bulk: true })
  let boss: Awaited<ReturnType<typeof openQueue>> | undefined
  let limiter: ReturnType<typeof siteRateLimiter> | undefined
  try {
    const store = await createStore(db)
    const purged = await store.purgeUnconfirmed()
    if (purged) console.error(`Removed ${purged} address(es) left unconfirmed for 30 days.`)
    boss = await openQueue(db, {
      leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
      retrySeconds: env.NEWSLETTER_SEND_RETRY_SECONDS,
    })
    const queued = await sender.enqueueIssue(db, boss, issueSlug)
    const before = await sender.progress(db, issueSlug)
    console.error(
      `${issueSlug}: queued ${queued} new reader(s); ${before.sent} already sent, ${before.waiting} to send, through ${where}.`,
    )
    // NEWSLETTER_SEND_RATE a second, in whole emails: 0.5 is one every two seconds.
    const perWindow = Math.max(1, Math.round(env.NEWSLETTER_SEND_RATE))
    limiter = siteRateLimiter({
      name: 'newsletter-send',
      databaseUrl: env.DATABASE_URL,
      limit: perWindow,
      windowMs: Math.round((1000 * perWindow) / env.NEWSLETTER_SEND_RATE),
    })
    const started = Date.now()
    const done = await sender.sendIssue(issueSlug, {
      db,
      store,
      boss,
      mailer,
      limiter,
      compose: (slug) => composeNewIssue(slug),
      leaseSeconds: env.NEWSLETTER_SEND_LEASE_SECONDS,
      // A fetched batch must be sent well within its lease, or the queue would hand its last
      // jobs to another sender while they wait here for their turn at a slow pace.
      batchSize: Math.max(
        1,
        Math.min(
          50,
          Math.floor((env.NEWSLETTER_SEND_RATE * env.NEWSLETTER_SEND_LEASE_SECONDS) / 2),
        ),
      ),
      pauseMs: env.NEWSLETTER_SEND_RETRY_SECONDS * 1000,
      log: (line) => console.error(`${issueSlug}: ${line}`),
    })
    console.error(
      `${issueSlug}: done. ${done.sent} sent, ${done.bounced} bounced, ${done.skipped} skipped (left the list while queued), in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    )
  } finally {
    await boss?.stop({ graceful: false, close: false, wait: true }).catch(() => undefined)
    mailer.close()
    await limiter?.close()
    await db.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`newsletter:send failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
