'use server'

import { headers } from 'next/headers'
import { env } from '@/lib/env'
import { clientAddress } from '@/lib/security/client-address'
import type { SignupState } from '@/lib/newsletter/form'
import { readSignupForm } from '@/lib/newsletter/signup-form'
import { signUp } from '@/lib/newsletter/subscribe'
import { services } from '@/lib/services'
import { utmFromReferrer } from '@/lib/campaign/visit'

/** The signup form's Server Action: `useActionState` calls it with JavaScript, a plain POST without. */
export async function subscribe(_previous: SignupState, data: FormData): Promise<SignupState> {
  const request = await headers()
  const form = readSignupForm(data)
  // Without JavaScript the hidden campaign fields stay empty; the page's own URL still has them.
  if (Object.keys(form.utm).length === 0) form.utm = utmFromReferrer(request.get('referer'))
  const site = services()
  return signUp(
    { form, client: clientAddress(request.get('x-forwarded-for'), env.TRUSTED_PROXIES) },
    {
      store: site.subscriberStore,
      limiter: site.signupLimiter(),
      emailOwed: site.emailOwed,
    },
  )
}
