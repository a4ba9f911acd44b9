'use client'

import {
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type Ref,
} from 'react'
import { subscribe } from './actions'
import { cn } from '@/components/ui/cn'
import { EmailField, FieldError } from '@/components/ui/form-fields'
import {
  consentText,
  fields,
  idle,
  messages,
  utmField,
  utmKeys,
  type SignupSource,
  type SignupState,
} from '@/lib/newsletter/form'
import { utmFromQuery, visitCampaign } from '@/lib/campaign/visit'

type Props = {
  source: SignupSource
  /** The form's heading level: h3 inside the issue panel, h2 on a page of its own. */
  heading?: 'h2' | 'h3'
  className?: string
}

type Ids = Record<'heading' | 'email' | 'emailError' | 'consent' | 'consentError' | 'trap', string>

const noop = () => () => {}
const anchor = 'newsletter'
const errorText = 'font-semibold text-accent'

/**
 * The newsletter signup. A plain form posting to a Server Action, so it works before (or
 * without) JavaScript; once hydrated it answers in place, shows when it is busy, and moves
 * focus to the answer, which a live region also announces.
 */
export function NewsletterForm({ source, heading: Heading = 'h3', className }: Props) {
  // The permalink is where the form posts without JavaScript: back to this page, scrolled to the answer.
  const [state, formAction, pending] = useActionState<SignupState, FormData>(
    subscribe,
    idle,
    `${source.path}#${anchor}`,
  )
  const campaign = utmFromQuery(useSyncExternalStore(noop, visitCampaign, () => ''))
  const id = useId()
  const ids: Ids = {
    heading: `${id}h`,
    email: `${id}e`,
    emailError: `${id}ee`,
    consent: `${id}c`,
    consentError: `${id}ce`,
    trap: `${id}w`,
  }

  // Each answer gets a fresh node (and focus), so a repeated answer is announced again.
  const [answer, setAnswer] = useState({ state, count: 0 })
  if (answer.state !== state) setAnswer({ state, count: answer.count + 1 })
  const message = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (answer.count > 0) message.current?.focus()
  }, [answer.count])

  const errors = state.status === 'invalid' ? state.errors : {}
  const values = 'values' in state ? state.values : { email: '', consent: false }

  return (
    <div id={anchor} className={cn('scroll-mt-4 font-sans', className)}>
      <Heading id={ids.heading} className="font-serif text-xl font-bold">
        The Intertitle newsletter
      </Heading>
      <p className="text-muted mt-1 text-[0.95rem]">
        A short email when each new issue goes on sale: what is inside, and the month’s reviews.
      </p>
      <div role="status">
        {pending ? <p className="mt-3 font-semibold">Signing you up…</p> : null}
        {!pending && state.status !== 'idle' ? (
          <SignupMessage key={answer.count} ref={message} state={state} ids={ids} />
        ) : null}
      </div>
      {state.status === 'thanks' ? null : (
        <form
          action={formAction}
          noValidate
          aria-labelledby={ids.heading}
          onSubmit={(event) => {
            if (pending) event.preventDefault()
          }}
          className="mt-4 grid gap-4"
        >
          <input type="hidden" name={fields.sourcePath} value={source.path} />
          {source.review ? (
            <input type="hidden" name={fields.sourceReview} value={source.review} />
          ) : null}
          {source.issue ? (
            <input type="hidden" name={fields.sourceIssue} value={source.issue} />
          ) : null}
          {utmKeys.map((key) =>
            campaign[key] ? (
              <input key={key} type="hidden" name={utmField(key)} value={campaign[key]} />
            ) : null,
          )}
          <EmailField
            id={ids.email}
            errorId={ids.emailError}
            name={fields.email}
            label="Email address"
            error={errors.email}
            defaultValue={values.email}
          />
          <div className="grid gap-1">
            {errors.consent ? <FieldError id={ids.consentError} text={errors.consent} /> : null}
            <div className="flex items-start gap-3">
              <input
                id={ids.consent}
                name={fields.consent}
                type="checkbox"
                value="yes"
                required
                defaultChecked={values.consent}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={errors.consent ? ids.consentError : undefined}
                className="accent-accent mt-2.5 size-6 shrink-0"
              />
              <label htmlFor={ids.consent} className="min-h-11 py-2 text-[0.95rem]">
                {consentText}
              </label>
            </div>
          </div>
          {/* The honeypot: off-screen and hidden from assistive technology, so only bots fill it. */}
          <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
            <label htmlFor={ids.trap}>Leave this empty</label>
            <input
              id={ids.trap}
              name={fields.honeypot}
              type="text"
              tabIndex={-1}
              autoComplete="off"
              defaultValue=""
            />
          </div>
          <div>
            <button
              type="submit"
              aria-disabled={pending || undefined}
              className="bg-accent text-accent-ink min-h-11 rounded-sm px-5 py-2 font-semibold hover:opacity-90 aria-disabled:cursor-progress aria-disabled:opacity-80"
            >
              {pending ? 'Signing you up…' : 'Sign up'}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}

type MessageProps = {
  state: Exclude<SignupState, { status: 'idle' }>
  ids: Ids
  ref: Ref<HTMLDivElement>
}

function SignupMessage({ state, ids, ref }: MessageProps) {
  const box = 'mt-3 rounded-sm border-l-4 bg-paper px-4 py-3'
  if (state.status !== 'invalid') {
    const text =
      state.status === 'thanks'
        ? messages.thanks
        : state.status === 'busy'
          ? state.message
          : messages.failed
    return (
      <div
        ref={ref}
        tabIndex={-1}
        className={cn(box, state.status === 'thanks' ? 'border-ink' : 'border-accent')}
      >
        <p className="font-semibold">{text}</p>
      </div>
    )
  }
  const problems = [
    { field: ids.email, text: state.errors.email },
    { field: ids.consent, text: state.errors.consent },
  ].filter((p): p is { field: string; text: string } => Boolean(p.text))
  return (
    <div ref={ref} tabIndex={-1} className={cn(box, 'border-accent')}>
      <p className="font-semibold">{messages.problems}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={p.field}>
            <a
              href={`#${p.field}`}
              className={errorText}
              onClick={(event) => {
                event.preventDefault()
                document.getElementById(p.field)?.focus()
              }}
            >
              {p.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
