import { Link } from '@/components/ui/link'
import { PageHeader } from '@/components/layout/page-header'
import { trail } from '@/lib/seo/breadcrumbs'
import { getCritics, getReviewsWhere } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 30

export const metadata = pageMetadata({
  title: 'Critics',
  description: 'The critics who write for Intertitle.',
  path: '/critics',
})

export default function CriticsPage() {
  return (
    <>
      <PageHeader title="Critics" crumbs={trail({ name: 'Critics', href: '/critics' })}>
        The people who write our reviews.
      </PageHeader>
      <ul className="grid gap-8 sm:grid-cols-2">
        {getCritics().map((c) => (
          <li key={c.slug}>
            <h2 className="font-serif text-2xl font-bold">
              <Link href={c.url}>{c.name}</Link>
            </h2>
            <p className="text-muted mt-1">{c.bio}</p>
            <p className="mt-1 font-sans text-sm">
              {getReviewsWhere((r) => r.critic === c.slug).length} reviews
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
