import { getIssueOnSale } from '@/lib/content'
import { statusOf } from '@/lib/newsletter/desk'
import { progress, sendStates, startSend } from '@/lib/newsletter/send/sender'
import { bodyOf, fromScript, json } from '@/lib/preview/script-access'
import { services } from '@/lib/services'

export const dynamic = 'force-dynamic'

/**
 * The new issue's send for scripts: how `npm run newsletter:send` starts a send, and follows it,
 * while the running site holds the embedded database. Authenticated as the links API is (the
 * server's PREVIEW_SECRET as a bearer token); the site's own worker does the sending.
 */
const denied = () => json(401, { error: 'Send the server’s PREVIEW_SECRET as a bearer token.' })

const issueOf = (value: unknown) =>
  typeof value === 'string' && /^[a-z0-9-]{1,200}$/.test(value) ? value : undefined

/** Where the send of `?issue=` stands. */
export async function GET(request: Request) {
  if (!fromScript(request)) return denied()
  const issue = issueOf(new URL(request.url).searchParams.get('issue'))
  if (!issue || !getIssueOnSale(issue)) return json(404, { error: 'No issue on sale by that name' })
  const db = await services().database()
  const send = (await sendStates(db)).find((s) => s.issue === issue)
  return json(200, { issue, status: statusOf(send), progress: await progress(db, issue) })
}

/** Starts the send of `{ issue, by? }`: or resumes it, or reports it running or sent. */
export async function POST(request: Request) {
  if (!fromScript(request)) return denied()
  const body = await bodyOf(request)
  const issue = issueOf(body?.issue)
  const by = body?.by ?? 'npm run newsletter:send'
  if (!issue) return json(400, { error: 'issue must be the slug of an issue' })
  if (typeof by !== 'string' || by.length < 1 || by.length > 254)
    return json(400, { error: 'by must be a name or address of up to 254 characters' })
  if (!getIssueOnSale(issue)) return json(404, { error: `No issue "${issue}" on sale` })
  const site = services()
  const started = await startSend(await site.database(), await site.queue(), issue, by)
  site.emailOwed()
  return json(started.outcome === 'started' ? 201 : 200, started)
}
