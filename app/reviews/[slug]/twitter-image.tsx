import { getPublishedReviews } from '@/lib/content'
import { ogSize, reviewCard } from '@/lib/og'

export const size = ogSize
export const contentType = 'image/png'
export const alt = 'The review’s headline, film and critic over a still'
export const revalidate = 30

export function generateStaticParams() {
  return getPublishedReviews().map((r) => ({ slug: r.slug }))
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  return reviewCard((await params).slug)
}
