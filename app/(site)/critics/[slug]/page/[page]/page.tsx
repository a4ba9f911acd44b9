import type { Metadata } from 'next'
import { getCritics } from '@/lib/content'
import { laterPages, pageParam } from '@/lib/content/paginate'
import { site } from '@/lib/site'
import { CriticListing, criticMetadata, criticReviews } from '../../../_components/critic-listing'

export const revalidate = 30

export function generateStaticParams() {
  return getCritics().flatMap((c) =>
    laterPages(criticReviews(c).length, site.reviewsPerPage).map((page) => ({
      slug: c.slug,
      page,
    })),
  )
}

export async function generateMetadata({
  params,
}: PageProps<'/critics/[slug]/page/[page]'>): Promise<Metadata> {
  const { slug, page } = await params
  return criticMetadata(slug, pageParam(page))
}

export default async function CriticPageN({ params }: PageProps<'/critics/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <CriticListing slug={slug} page={pageParam(page)} />
}
