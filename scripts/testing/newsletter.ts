import path from 'node:path'
import type { Database } from '@/lib/db'

/**
 * A list for the send tests and the bench: `confirmed` readers (`reader<n>@example.com`), `gone`
 * confirmed readers whose mailbox no longer exists (`gone<n>@…`, for the SMTP server to refuse),
 * and `others` each of pending, unsubscribed and bounced addresses, whom no send may reach.
 * Replaces whatever list and sends the database held.
 */
export async function seedReaders(
  db: Database,
  { confirmed, gone = 0, others = 0 }: { confirmed: number; gone?: number; others?: number },
): Promise<void> {
  await db.exec(`
    drop schema if exists pgboss cascade;
    truncate subscribers restart identity cascade;
    truncate newsletter_sends cascade;
    insert into subscribers (email, consented_at, consent_text, status, confirmed_at)
      select 'reader' || g || '@example.com', now(), 'Yes', 'confirmed', now()
      from generate_series(1, ${Math.floor(confirmed)}) g;
    insert into subscribers (email, consented_at, consent_text, status, confirmed_at)
      select 'gone' || g || '@example.com', now(), 'Yes', 'confirmed', now()
      from generate_series(1, ${Math.floor(gone)}) g;
    insert into subscribers (email, consented_at, consent_text, status)
      select s || g || '@example.com', now(), 'Yes', s
      from generate_series(1, ${Math.floor(others)}) g, unnest(array['pending', 'unsubscribed', 'bounced']) s;
  `)
}

/** `npm run newsletter:send -- <issue>` as node's own arguments: one process to time or kill. */
export function sendCommand(issue: string): string[] {
  return [
    path.resolve('node_modules/tsx/dist/cli.mjs'),
    '--tsconfig',
    'tsconfig.scripts.json',
    'scripts/newsletter-send.ts',
    issue,
  ]
}
