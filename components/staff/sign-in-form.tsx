'use client'

import { useActionState, useId } from 'react'
import type { SignInState } from '@/lib/staff/sign-in'
import { signInMessages } from '@/lib/staff/sign-in'
import { requestSignIn } from './actions'
import { field, primaryButton } from './styles'

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
        <div className="grid gap-1">
          <label htmlFor={`${id}e`} className="font-semibold">
            Your staff email address
          </label>
          {error ? (
            <p id={`${id}ee`} className="text-accent font-semibold">
              <span className="sr-only">Error: </span>
              {error}
            </p>
          ) : null}
          <input
            id={`${id}e`}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={320}
            defaultValue={state.email ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}ee` : undefined}
            className={`${field} w-full`}
          />
        </div>
        <div>
          <button type="submit" aria-disabled={pending || undefined} className={primaryButton}>
            {pending ? 'Sending…' : 'Email me a sign-in link'}
          </button>
        </div>
      </form>
    </div>
  )
}
