import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { ReviewGrid } from '@/components/review/review-card'
import { trail } from '@/lib/seo/breadcrumbs'
import { getCritic, getCritics, getReviewsWhere } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'
import { criticNode } from '@/lib/seo/structured-data'

export const revalidate = 30

export function generateStaticParams() {
  return getCritics().map((c) => ({ slug: c.slug }))
}

export async function generateMetadata({
  params,
}: PageProps<'/critics/[slug]'>): Promise<Metadata> {
  const critic = getCritic((await params).slug)
  return critic
    ? pageMetadata({
        title: critic.name,
        description: critic.bio,
        path: critic.url,
        feeds: [{ title: `Reviews by ${critic.name}`, basePath: critic.url }],
      })
    : {}
}

export default async function CriticPage({ params }: PageProps<'/critics/[slug]'>) {
  const critic = getCritic((await params).slug)
  if (!critic) notFound()
  const reviews = getReviewsWhere((r) => r.critic === critic.slug)
  return (
    <>
      <PageHeader
        title={critic.name}
        crumbs={trail(
          { name: 'Critics', href: '/critics' },
          { name: critic.name, href: critic.url },
        )}
        nodes={[{ '@type': 'ProfilePage', mainEntity: criticNode(critic) }]}
      >
        {critic.bio}
      </PageHeader>
      <h2 className="mb-6 font-sans text-sm font-semibold tracking-[0.2em] uppercase">
        Reviews by {critic.name}
      </h2>
      <ReviewGrid reviews={reviews} />
    </>
  )
}
