import { createElement } from 'react'
import { after } from 'next/server'
import { siteDatabase } from '@/lib/db/site-database'
import { env } from '@/lib/env'
import { siteMailer } from '@/lib/mail/site-mailer'
import { renderEmail } from '@/lib/newsletter/emails/render'
import { siteRateLimiter, type RateLimiter } from '@/lib/security/rate-limit'
import { absoluteUrl } from '@/lib/site'
import { createStaffAuth, type StaffAuth } from './auth'
import { readRoster } from './roster'
import { SignInEmail, signInSubject } from './sign-in-email'

type Shared = { auth?: StaffAuth; limiter?: RateLimiter }
// On globalThis: Next may evaluate this module more than once in one server.
const shared = ((globalThis as { __intertitleStaff?: Shared }).__intertitleStaff ??= {})

/** Where the emailed link leads: the sign-in page, holding the token for its Sign in button. */
export const signInPageUrl = (token: string) =>
  absoluteUrl(`/staff/sign-in?${new URLSearchParams({ token })}`)

/** The running site's staff sign-in; undefined when PREVIEW_SECRET is unset (staff pages are off). */
export function staffAuth(): StaffAuth | undefined {
  const secret = env.PREVIEW_SECRET
  if (!secret) return undefined
  shared.auth ??= createStaffAuth({
    database: siteDatabase,
    secret,
    siteUrl: env.SITE_URL,
    roster: () => readRoster(),
    // After the answer is sent, so that it takes as long for staff as for anyone else.
    sendLink: (to, url) =>
      after(async () => {
        const token = new URL(url).searchParams.get('token') ?? ''
        const href = signInPageUrl(token)
        await siteMailer().send({
          to,
          subject: signInSubject,
          ...(await renderEmail(createElement(SignInEmail, { href }))),
        })
      }),
  })
  return shared.auth
}

/** Sign-in requests: per client address and per address asked for, shared by every instance. */
export function signInLimiter(): RateLimiter {
  shared.limiter ??= siteRateLimiter({
    name: 'staff-sign-in',
    databaseUrl: env.DATABASE_URL,
    limit: 5,
    windowMs: 10 * 60_000,
  })
  return shared.limiter
}
