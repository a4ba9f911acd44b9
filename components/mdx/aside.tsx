import type { ReactNode } from 'react'

/** A boxed note set beside the argument: context, history, where to watch. */
export function Aside({ title, children }: { title: string; children: ReactNode }) {
  return (
    <aside
      aria-label={title}
      className="border-accent bg-panel my-8 border-l-4 px-5 py-4 font-sans text-base leading-relaxed"
    >
      <p className="text-muted mb-1 text-xs font-semibold tracking-[0.15em] uppercase">{title}</p>
      <div>{children}</div>
    </aside>
  )
}
