import { Link } from '@/components/ui/link'
import { PageHeader } from '@/components/layout/page-header'
import { CopyLinkButton } from '@/components/review/copy-link-button'
import { makeShareLink, revokeShareLink } from '@/components/staff/actions'
import { StaffNav } from '@/components/staff/staff-nav'
import { cell, field, headCell, secondaryButton, table } from '@/components/staff/styles'
import { getReview, getUnpublishedReviews, publishedOn, reviewState } from '@/lib/content'
import { services } from '@/lib/services'
import { env } from '@/lib/env'
import { formatDateTime } from '@/lib/format'
import { LINK_LIFETIMES, liveLinks, sharePath } from '@/lib/preview/links'
import { pageMetadata } from '@/lib/seo/metadata'
import { absoluteUrl } from '@/lib/site'
import { may } from '@/lib/staff/roster'
import { requireStaff } from '@/lib/staff/session'

// Per request: who is signed in decides everything on it.
export const dynamic = 'force-dynamic'

export const metadata = pageMetadata({
  title: 'The desk',
  description: 'Drafts, scheduled pieces and their share links.',
  path: '/staff',
  noindex: true,
})

const crumbs = [{ name: 'Desk', href: '/staff' }]

/**
 * The editors' desk: every draft and scheduled piece, opened in preview or shared for a chosen
 * time with one person; the live share links, each revocable.
 */
export default async function DeskPage({ searchParams }: PageProps<'/staff'>) {
  const staff = await requireStaff(may.desk)
  const params = await searchParams
  const pieces = getUnpublishedReviews()
  const links = await liveLinks(await services().database())
  return (
    <>
      <StaffNav staff={staff} />
      <PageHeader title="The desk" crumbs={crumbs}>
        Drafts and scheduled reviews. Preview opens any of them for you; a share link opens one
        piece for anyone who has it, until it expires or you revoke it.
      </PageHeader>
      {params.problem === 'link' ? (
        <p role="alert" className="text-accent mb-6 font-sans font-semibold">
          That share link could not be made: choose a piece and a lifetime.
        </p>
      ) : null}

      <h2 className="mb-3 font-serif text-2xl font-bold">Unpublished pieces</h2>
      {pieces.length === 0 ? (
        <p className="mb-10">Nothing is waiting: every piece is published.</p>
      ) : (
        <table className={`${table} mb-12`}>
          <thead>
            <tr className="border-rule border-b">
              <th scope="col" className={headCell}>
                Review
              </th>
              <th scope="col" className={headCell}>
                State
              </th>
              <th scope="col" className={headCell}>
                Share with one person
              </th>
            </tr>
          </thead>
          <tbody>
            {pieces.map((review) => {
              const state = reviewState(review)
              return (
                <tr key={review.slug} className="border-rule border-b">
                  <td className={cell}>
                    <a href={`/api/staff/preview?slug=${review.slug}`} className="font-semibold">
                      {review.headline}
                    </a>
                    <div className="text-muted">{review.slug}</div>
                  </td>
                  <td className={cell}>
                    {state === 'draft' ? (
                      'Draft'
                    ) : (
                      <>
                        Scheduled for{' '}
                        <time dateTime={publishedOn(review)}>
                          {formatDateTime(publishedOn(review))}
                        </time>
                      </>
                    )}
                  </td>
                  <td className={cell}>
                    <form action={makeShareLink} className="flex flex-wrap items-center gap-2">
                      <input type="hidden" name="slug" value={review.slug} />
                      <label className="sr-only" htmlFor={`lifetime-${review.slug}`}>
                        Lifetime of the link to {review.headline}
                      </label>
                      <select
                        id={`lifetime-${review.slug}`}
                        name="lifetime"
                        defaultValue="1 day"
                        className={field}
                      >
                        {Object.keys(LINK_LIFETIMES).map((label) => (
                          <option key={label}>{label}</option>
                        ))}
                      </select>
                      <button type="submit" className={secondaryButton}>
                        Make link
                      </button>
                    </form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

      <h2 id="links" className="mb-3 scroll-mt-4 font-serif text-2xl font-bold">
        Live share links
      </h2>
      {params.revoked ? (
        <p role="status" className="mb-4 font-sans">
          Revoked: whoever opened that link can no longer see the piece.
        </p>
      ) : null}
      {links.length === 0 ? (
        <p className="mb-10">No share link is live.</p>
      ) : (
        <table className={`${table} mb-10`}>
          <thead>
            <tr className="border-rule border-b">
              <th scope="col" className={headCell}>
                Piece and link
              </th>
              <th scope="col" className={headCell}>
                Made by
              </th>
              <th scope="col" className={headCell}>
                Expires
              </th>
              <th scope="col" className={headCell}>
                <span className="sr-only">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => {
              const url = absoluteUrl(sharePath(link, env.PREVIEW_SECRET!))
              const isNew = params.made === link.id
              return (
                <tr
                  key={link.id}
                  className={`border-rule border-b ${isNew ? 'bg-rule/30' : ''}`}
                  data-link-id={link.id}
                >
                  <td className={cell}>
                    <div className="font-semibold">
                      {getReview(link.slug, { preview: true })?.headline ?? link.slug}
                      {isNew ? ' (new)' : null}
                    </div>
                    <label className="sr-only" htmlFor={`url-${link.id}`}>
                      Share link
                    </label>
                    <input
                      id={`url-${link.id}`}
                      readOnly
                      value={url}
                      className={`${field} mt-1 w-full font-mono text-xs`}
                    />
                    <CopyLinkButton url={url} className={`${secondaryButton} mt-2`} />
                  </td>
                  <td className={cell}>
                    {link.createdBy}
                    <div className="text-muted">{formatDateTime(link.createdAt.toISOString())}</div>
                  </td>
                  <td className={cell}>
                    <time dateTime={link.expiresAt.toISOString()}>
                      {formatDateTime(link.expiresAt.toISOString())}
                    </time>
                  </td>
                  <td className={cell}>
                    <form action={revokeShareLink}>
                      <input type="hidden" name="id" value={link.id} />
                      <button type="submit" className={secondaryButton}>
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <p className="mb-10 font-sans text-sm">
        <Link href="/keystatic">Open the editor</Link> (under <code>npm run dev</code>, or once it
        is connected to GitHub).
      </p>
    </>
  )
}
