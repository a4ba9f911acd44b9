import Script from 'next/script'
import { SiteChrome } from '@/components/layout/site-chrome'

/**
 * The readers' site: every page in this group has the header, footer and skip link, and the
 * page-view beacon, a file of this origin that Next loads once the page is idle (docs/analytics.md).
 */
export default function SiteLayout({ children }: LayoutProps<'/'>) {
  return (
    <SiteChrome>
      {children}
      <Script src="/analytics.js" strategy="lazyOnload" />
    </SiteChrome>
  )
}
