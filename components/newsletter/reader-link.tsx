import type { ReactNode } from 'react'
import { Link } from '@/components/ui/link'
import { PageHeader } from '@/components/layout/page-header'
import { trail } from '@/lib/seo/breadcrumbs'

/** The one page a link from a reader's email opens: what happened, and a button when one is needed. */
export function ReaderLinkPage({
  title,
  children,
  action,
}: {
  title: string
  children: ReactNode
  /** A form that does what the link is for: a POST, which mail scanners do not send. */
  action?: { url: string; fields: Record<string, string>; label: string }
}) {
  return (
    <>
      <PageHeader title={title} crumbs={trail({ name: 'Newsletter', href: '/newsletter' })}>
        {children}
      </PageHeader>
      {action ? (
        <form method="post" action={action.url} className="mb-10">
          {Object.entries(action.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            className="bg-accent text-accent-ink min-h-11 rounded-sm px-5 py-2 font-semibold hover:opacity-90"
          >
            {action.label}
          </button>
        </form>
      ) : (
        <p className="mb-10">
          <Link href="/">Back to the front page</Link>
        </p>
      )}
    </>
  )
}
