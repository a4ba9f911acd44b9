import { NotFoundMessage } from '@/components/layout/not-found-message'
import { notFoundMetadata } from '@/lib/seo/metadata'
import { SiteChrome } from '@/components/layout/site-chrome'

export const metadata = notFoundMetadata

/** An address no route matches: the root layout has no chrome, so this page brings its own. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  )
}
