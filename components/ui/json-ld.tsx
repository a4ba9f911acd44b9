import type { Crumb } from '@/lib/seo/breadcrumbs'
import { breadcrumbNode, serializeJsonLd, websiteNodes } from '@/lib/seo/structured-data'

type Props = { crumbs: Crumb[]; nodes?: Record<string, unknown>[] }

/** The page's JSON-LD graph: site, publisher, breadcrumb trail and any page nodes. */
export function JsonLd({ crumbs, nodes = [] }: Props) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{
        __html: serializeJsonLd([...websiteNodes(), breadcrumbNode(crumbs), ...nodes]),
      }}
    />
  )
}
