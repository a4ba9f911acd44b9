import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { trail } from '@/lib/seo/breadcrumbs'
import { getUnpublishedReviews, publishedOn, reviewState } from '@/lib/content'
import { DateText } from '@/components/ui/date'

export const metadata: Metadata = {
  title: 'Unpublished pieces',
  robots: { index: false, follow: false },
}

/** Editors' list of drafts and scheduled pieces; only in preview mode. */
export default async function PreviewIndexPage() {
  if (!(await draftMode()).isEnabled) notFound()
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
