import { NotFoundMessage } from '@/components/layout/not-found-message'

/** A page of the readers' site that is not there (`notFound()`): inside the site's own chrome. */
export default function NotFound() {
  return <NotFoundMessage />
}
