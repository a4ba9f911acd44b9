import { NotFoundMessage } from '@/components/layout/not-found-message'
import { SiteChrome } from '@/components/layout/site-chrome'

/** An address no route matches: the root layout has no chrome, so this page brings its own. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  )
}
