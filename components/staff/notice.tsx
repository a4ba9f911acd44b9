/** A staff page's one-line answer to what was just done: a problem is announced as an alert. */
export function Notice({ text, problem = false }: { text?: string; problem?: boolean }) {
  if (!text) return null
  return (
    <p
      role={problem ? 'alert' : 'status'}
      className={`mb-6 font-sans font-semibold ${problem ? 'text-accent' : ''}`}
    >
      {text}
    </p>
  )
}
