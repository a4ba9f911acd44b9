import { consentText, consentVersion, messages, type SignupState } from './form'
import type { RateLimiter } from '@/lib/security/rate-limit'
import { parseSignup, type SignupForm } from './signup-form'
import type { SubscriberStore } from './store'

export type SignupDeps = {
  store: () => Promise<SubscriberStore>
  limiter: RateLimiter
  /** Told when a confirmation email is owed (committed with the signup): wakes the mail worker. */
  emailOwed?: () => void
  now?: () => Date
  log?: (message: string, error: unknown) => void
}

export type SignupRequest = {
  form: SignupForm
  /** Who is asking, for the rate limit (see clientAddress). */
  client: string
}

/**
 * A reader asks to join the list. Every answer a caller can see is one of: field errors
 * (about what they typed, never about the list), "too many, try later", "sorry, our fault",
 * or the one thank-you, which is the same whether the address is new, already on the list
 * or came from a bot.
 */
export async function signUp(
  { form, client }: SignupRequest,
  deps: SignupDeps,
): Promise<SignupState> {
  // A person never sees the honeypot, so whatever filled it is not one: thank it, store nothing.
  if (form.honeypot.trim() !== '') return { status: 'thanks' }

  const values = { email: form.email.slice(0, 320), consent: form.consent }
  const parsed = parseSignup(form)
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors, values }

  const allowed = await deps.limiter.take(client)
  if (!allowed.ok)
    return { status: 'busy', message: messages.busy(retryIn(allowed.retryAfterMs)), values }

  const { signup } = parsed
  const log = deps.log ?? console.error
  try {
    const store = await deps.store()
    const { confirmation } = await store.signUp({
      email: signup.email,
      consentedAt: deps.now?.() ?? new Date(),
      consentText,
      consentVersion,
      sourcePath: signup.sourcePath,
      sourceReview: signup.sourceReview,
      sourceIssue: signup.sourceIssue,
      utm: signup.utm,
    })
    if (confirmation) deps.emailOwed?.()
  } catch (error) {
    log('newsletter: could not store a signup', error)
    return { status: 'failed', values }
  }
  return { status: 'thanks' }
}

function retryIn(ms: number): string {
  const minutes = Math.ceil(ms / 60_000)
  return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`
}
