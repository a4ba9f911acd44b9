import { draftMode } from 'next/headers'
import Link from 'next/link'

/** Shown on every page while an editor is previewing, with the way out. */
export async function PreviewBanner() {
  if (!(await draftMode()).isEnabled) return null
  return (
    <div
      role="status"
      className="no-print bg-ink text-paper px-4 py-2 text-center font-sans text-sm"
    >
      <strong>Preview mode.</strong> Drafts and scheduled reviews are visible to you, not to
      readers.{' '}
      <Link href="/preview" className="underline">
        All unpublished pieces
      </Link>
      {' · '}
      {/* A plain link: the route handler clears the cookie and must not be prefetched. */}
      <a href="/api/preview/exit" className="font-semibold underline">
        Leave preview
      </a>
    </div>
  )
}
