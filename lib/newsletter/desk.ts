import type { Queryable } from '@/lib/db'
import { utc } from '@/lib/db/sql'
import type { SendState } from './send/sender'

/**
 * The newsletter desk's reading of the ledger (/staff/newsletter): each issue's send state, and
 * the record of readers' requests (erasures, exports) answered from it.
 */
export type SendStatus = 'not-sent' | 'sending' | 'paused' | 'sent'

/** Where a send stands: paused by someone, with emails still waiting, or done. */
export function statusOf(send: SendState | undefined): SendStatus {
  if (!send) return 'not-sent'
  if (send.pausedAt) return 'paused'
  return send.waiting > 0 ? 'sending' : 'sent'
}

/** How many readers a send has dealt with, and how many it will have in all. */
export const doneOf = (send: SendState) => send.sent + send.bounced + send.skipped
export const totalOf = (send: SendState) => doneOf(send) + send.waiting

export type RequestAction = 'erase' | 'export'
export type ReadersRequest = { action: RequestAction; madeBy: string; madeAt: string; rows: number }

const sql = {
  record: `insert into newsletter_requests (action, made_by, rows) values ($1, $2, $3)`,
  recent: `
    select action, made_by as "madeBy", ${utc('made_at', 'madeAt')}, rows
    from newsletter_requests order by id desc limit $1`,
} as const

/** Records an erase or an export: who, when, how many rows, and never whose address. */
export async function recordRequest(
  db: Queryable,
  action: RequestAction,
  madeBy: string,
  rows: number,
): Promise<void> {
  await db.query(sql.record, [action, madeBy, rows])
}

export async function recentRequests(db: Queryable, limit = 20): Promise<ReadersRequest[]> {
  return db.query<ReadersRequest>(sql.recent, [limit])
}
