import { z } from 'zod'
import type { RateLimiter } from '@/lib/security/rate-limit'
import { signInMessages, type SignInState } from './sign-in'

const address = z.email().max(254)

export type SignInDeps = {
  limiter: RateLimiter
  isStaff: (email: string) => boolean
  /** Has Better Auth make a link for `email` and send it. */
  sendLink: (email: string) => Promise<void>
}

/**
 * What the sign-in form does with an address. Staff and everyone else get the same answer (the
 * link only goes to staff), so the form tells no one who works here. Limited per client and per
 * address asked for, so that it can mail-bomb no one.
 */
export async function requestSignIn(
  { email: given, client }: { email: string; client: string },
  { limiter, isStaff, sendLink }: SignInDeps,
): Promise<SignInState> {
  const email = given.trim()
  if (!address.safeParse(email).success)
    return { status: 'invalid', email, message: signInMessages.invalid }
  for (const key of [`client:${client}`, `address:${email.toLowerCase()}`]) {
    const allowance = await limiter.take(key)
    if (!allowance.ok) {
      const minutes = Math.max(1, Math.ceil(allowance.retryAfterMs / 60_000))
      return { status: 'limited', email, message: signInMessages.limited(minutes) }
    }
  }
  if (isStaff(email)) await sendLink(email)
  return { status: 'sent', email }
}
