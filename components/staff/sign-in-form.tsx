'use client'

import { useActionState, useId } from 'react'
import type { SignInState } from '@/lib/staff/sign-in'
import { signInMessages } from '@/lib/staff/sign-in'
import { requestSignIn } from './actions'
import { EmailField } from '@/components/ui/form-fields'
import { primaryButton } from './styles'

/**
 * Asks for a sign-in link. A plain form posting to a Server Action, so it works without
 * JavaScript; the answer is the same whether or not the address is on the staff list.
 */
export function SignInForm() {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(
    requestSignIn,
    { status: 'idle' },
    '/staff/sign-in',
  )
  const id = useId()
  const error = state.status === 'invalid' ? state.message : undefined
  return (
    <div className="max-w-md font-sans">
      <div role="status">
        {state.status === 'sent' ? (
          <p className="border-accent bg-paper mb-4 rounded-sm border-l-4 px-4 py-3">
            {signInMessages.sent}
          </p>
        ) : null}
        {state.status === 'limited' ? (
          <p className="border-accent bg-paper mb-4 rounded-sm border-l-4 px-4 py-3 font-semibold">
            {state.message}
          </p>
        ) : null}
      </div>
      <form action={formAction} noValidate className="grid gap-4">
        <EmailField
          id={`${id}e`}
          errorId={`${id}ee`}
          name="email"
          label="Your staff email address"
          error={error}
          defaultValue={state.email ?? ''}
        />
        <div>
          <button type="submit" aria-disabled={pending || undefined} className={primaryButton}>
            {pending ? 'Sending…' : 'Email me a sign-in link'}
          </button>
        </div>
      </form>
    </div>
  )
}
