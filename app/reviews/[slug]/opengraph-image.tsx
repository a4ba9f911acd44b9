import { ogSize, reviewCard } from '@/lib/seo/og'

export const size = ogSize
export const contentType = 'image/png'
export const alt = 'The review’s headline, film and critic over a still'
export const revalidate = 30

// Drawn on first request, then cached like the page (ISR), rather than at build: a card is slow
// to draw (docs/benchmarks.md) and most of an archive's cards are never asked for. An empty list still
// marks the route static-with-ISR, and unknown or unpublished slugs get 404 from reviewCard.
export function generateStaticParams(): { slug: string }[] {
  return []
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  return reviewCard((await params).slug)
}
