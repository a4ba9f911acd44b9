import { ogCard, ogSize } from '@/lib/seo/og'
import { site } from '@/lib/site'

export const size = ogSize
export const contentType = 'image/png'
export const alt = `${site.name}: ${site.tagline}`

export default function Image() {
  return ogCard({
    kicker: site.tagline,
    title: 'Film criticism, every month, in print and online.',
  })
}
