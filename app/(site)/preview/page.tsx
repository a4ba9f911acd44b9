import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { clearPreviewPath, previewAccess } from '@/lib/preview/access'
import { trail } from '@/lib/seo/breadcrumbs'
import { getUnpublishedReviews, publishedOn, reviewState } from '@/lib/content'
import { DateText } from '@/components/ui/date'

export const metadata: Metadata = {
  title: 'Unpublished pieces',
  robots: { index: false, follow: false },
}

/**
 * The list of drafts and scheduled pieces. A share link opens one piece and never this list
 * (it would name the whole embargo list); signed-in editors will see it at the desk.
 */
export default async function PreviewIndexPage() {
  const access = await previewAccess()
  if (access.scope === 'stale') redirect(clearPreviewPath('/preview'))
  if (access.scope !== 'all') notFound()
  const reviews = getUnpublishedReviews()
  return (
    <>
      <PageHeader
        title="Unpublished pieces"
        crumbs={trail({ name: 'Unpublished pieces', href: '/preview' })}
      >
        Drafts and scheduled reviews, visible only in preview.
      </PageHeader>
      <table className="w-full border-collapse font-sans text-sm">
        <thead>
          <tr className="border-rule border-b text-left">
            <th scope="col" className="py-2 pr-4">
              Review
            </th>
            <th scope="col" className="py-2 pr-4">
              State
            </th>
            <th scope="col" className="py-2">
              Date
            </th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => {
            const state = reviewState(r)
            const when = publishedOn(r)
            return (
              <tr key={r.slug} className="border-rule border-b">
                <td className="py-3 pr-4">
                  <Link href={r.url}>{r.headline}</Link>
                </td>
                <td className="py-3 pr-4">{state === 'draft' ? 'Draft' : 'Scheduled'}</td>
                <td className="py-3">
                  <DateText iso={when} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
