/** The site's form fields: the same markup, names and messages wherever a form asks. */

export const inputClass =
  'border-muted bg-paper text-ink aria-[invalid=true]:border-accent min-h-11 rounded-sm border px-3 py-2 aria-[invalid=true]:border-2'

/** A field's error, announced with it (the input names it in aria-describedby). */
export function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="text-accent font-semibold">
      <span className="sr-only">Error: </span>
      {text}
    </p>
  )
}

type EmailFieldProps = {
  id: string
  /** The id of its error message, when it has one. */
  errorId: string
  name: string
  label: string
  error?: string
  defaultValue: string
}

/** An email address: the keyboard, autofill and checks a phone and a screen reader expect. */
export function EmailField({ id, errorId, name, label, error, defaultValue }: EmailFieldProps) {
  return (
    <div className="grid max-w-md gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {error ? <FieldError id={errorId} text={error} /> : null}
      <input
        id={id}
        name={name}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={320}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`${inputClass} w-full`}
      />
    </div>
  )
}
