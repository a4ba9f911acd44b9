import { SiteChrome } from '@/components/layout/site-chrome'

/** The readers' site: every page in this group has the header, footer and skip link. */
export default function SiteLayout({ children }: LayoutProps<'/'>) {
  return <SiteChrome>{children}</SiteChrome>
}
