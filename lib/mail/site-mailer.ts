import path from 'node:path'
import { env } from '@/lib/env'
import { createMailer, type Mailer } from './index'

const shared = ((globalThis as { __intertitleMailer?: { mailer?: Mailer } }).__intertitleMailer ??=
  {})

/** The running site's mailer: SMTP_URL's server, or `DATA_DIR/outbox/` on the embedded default. */
export function siteMailer(): Mailer {
  shared.mailer ??= createMailer({
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    outboxDir: path.resolve(/* turbopackIgnore: true */ env.DATA_DIR, 'outbox'),
  })
  return shared.mailer
}
