import type { ReactNode } from 'react'
import { Breadcrumb } from '@/components/breadcrumb'
import type { Crumb } from '@/lib/breadcrumbs'

type Props = { title: string; crumbs: Crumb[]; children?: ReactNode }

export function PageHeader({ title, crumbs, children }: Props) {
  return (
    <header className="mb-10 border-b border-rule pt-4 pb-6">
      <Breadcrumb items={crumbs} />
      <h1 className="mt-4 font-serif text-4xl font-bold text-balance sm:text-5xl">{title}</h1>
      {children ? <div className="mt-3 max-w-2xl text-lg text-muted">{children}</div> : null}
    </header>
  )
}
