import type { ReactNode } from 'react'
import { Breadcrumb } from '@/components/layout/breadcrumb'
import type { Crumb } from '@/lib/seo/breadcrumbs'

type Props = {
  title: string
  crumbs: Crumb[]
  nodes?: Record<string, unknown>[]
  children?: ReactNode
}

export function PageHeader({ title, crumbs, nodes, children }: Props) {
  return (
    <header className="border-rule mb-10 border-b pt-4 pb-6">
      <Breadcrumb items={crumbs} nodes={nodes} />
      <h1 className="mt-4 font-serif text-4xl font-bold text-balance sm:text-5xl">{title}</h1>
      {children ? <div className="text-muted mt-3 max-w-2xl text-lg">{children}</div> : null}
    </header>
  )
}
