import { NotFoundMessage } from '@/components/layout/not-found-message'
import { notFoundMetadata } from '@/lib/seo/metadata'

export const metadata = notFoundMetadata

/** A page of the readers' site that is not there (`notFound()`): inside the site's own chrome. */
export default function NotFound() {
  return <NotFoundMessage />
}
