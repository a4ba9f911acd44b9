import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { ReviewGrid } from '@/components/review/review-card'
import { trail } from '@/lib/seo/breadcrumbs'
import { getGenres, getReviewsWhere } from '@/lib/content'
import { genreLabel } from '@/lib/format'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 30

export function generateStaticParams() {
  return getGenres().map((g) => ({ slug: g.slug }))
}

export async function generateMetadata({ params }: PageProps<'/genres/[slug]'>): Promise<Metadata> {
  const { slug } = await params
  return pageMetadata({
    title: `${genreLabel(slug)} reviews`,
    description: `Intertitle's reviews of ${genreLabel(slug).toLowerCase()} films.`,
    path: `/genres/${slug}`,
  })
}

export default async function GenrePage({ params }: PageProps<'/genres/[slug]'>) {
  const { slug } = await params
  const reviews = getReviewsWhere((r) => r.genres.includes(slug))
  if (reviews.length === 0) notFound()
  const label = genreLabel(slug)
  return (
    <>
      <PageHeader
        title={label}
        crumbs={trail(
          { name: 'Reviews', href: '/reviews' },
          { name: label, href: `/genres/${slug}` },
        )}
      >
        Our reviews of {label.toLowerCase()} films, newest first.
      </PageHeader>
      <ReviewGrid reviews={reviews} headingLevel="h2" />
    </>
  )
}
