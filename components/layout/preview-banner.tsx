import { Link } from '@/components/ui/link'
import { previewAccess } from '@/lib/preview/access'

/** Shown on every page while someone is previewing, with what they can see and the way out. */
export async function PreviewBanner() {
  const access = await previewAccess()
  if (access.scope !== 'piece' && access.scope !== 'all') return null
  return (
    <div
      role="status"
      className="no-print bg-ink text-paper px-4 py-2 text-center font-sans text-sm"
    >
      <strong>Preview mode.</strong>{' '}
      {access.scope === 'all' ? (
        <>
          Drafts and scheduled reviews are visible to you, not to readers.{' '}
          <Link href="/staff" className="underline">
            The desk
          </Link>
        </>
      ) : (
        <>
          <Link href={`/reviews/${access.slug}`} className="underline">
            This shared piece
          </Link>{' '}
          is visible to you until{' '}
          <time dateTime={access.expires.toISOString()}>
            {access.expires.toUTCString().replace(' GMT', ' UTC')}
          </time>
          , not to readers.
        </>
      )}
      {' · '}
      {/* A plain link: the route handler clears the cookies and must not be prefetched. */}
      <a href="/api/preview/exit" className="font-semibold underline">
        Leave preview
      </a>
    </div>
  )
}
