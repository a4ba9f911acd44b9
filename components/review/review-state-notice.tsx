import type { PublicationState, Review } from '@/lib/content'
import { publishedOn } from '@/lib/content/publication.mjs'
import { DateText } from '@/components/ui/date'

/** On an unpublished review seen in preview: what state it is in, and when it goes live. */
export function ReviewStateNotice({ review, state }: { review: Review; state: PublicationState }) {
  if (state === 'published') return null
  return (
    <p
      data-preview-state={state}
      className="border-accent mx-auto mt-4 max-w-3xl border-2 border-dashed px-4 py-3 text-center font-sans text-sm"
    >
      <strong>Preview — not published.</strong>{' '}
      {state === 'draft' ? (
        'This is a draft: it will not go live until draft is removed from its frontmatter.'
      ) : (
        <>
          Scheduled: it goes live on <DateText iso={publishedOn(review)} />.
        </>
      )}
    </p>
  )
}
