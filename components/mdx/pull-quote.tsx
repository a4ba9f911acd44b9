import type { ReactNode } from 'react'

/**
 * A designed pull quote. Its words repeat a sentence of the body, so it is hidden from
 * assistive technology: a screen reader reads the sentence once, where it stands.
 */
export function PullQuote({ children }: { children: ReactNode }) {
  return (
    <figure
      data-pullquote=""
      aria-hidden="true"
      className="border-accent my-10 border-y-2 py-6 text-center font-serif text-2xl leading-snug font-bold text-balance italic sm:-mx-8 sm:text-3xl"
    >
      <span className="text-accent">“</span>
      {children}
      <span className="text-accent">”</span>
    </figure>
  )
}
