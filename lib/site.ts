import { env } from '@/lib/env'

/** The one typed description of the site; the domain is written nowhere else. */
export const site = {
  name: 'Intertitle',
  tagline: 'The film monthly',
  description:
    'Intertitle is a monthly magazine of film criticism: reviews of new releases, festival reports and the print issue.',
  baseUrl: env.SITE_URL,
  locale: 'en-GB',
  language: 'en',
  timeZone: 'Europe/London',
  publisher: { name: 'Intertitle Magazine Ltd', logo: '/images/brand/mark.svg' },
  social: { bluesky: 'intertitle.example', mastodon: '@intertitle@film.example' },
  shopUrl: 'https://shop.intertitle.example',
  subscribeUrl: 'https://shop.intertitle.example/subscribe',
  reviewsPerPage: 12,
  /**
   * How many of the newest reviews the build prerenders, with the listing pages that show them
   * (lib/content/prerender.ts). Older ones render on their first request and are then cached like
   * the rest (ISR), so a build's cost stops growing with the archive while every URL still answers.
   */
  prerenderedReviews: env.PRERENDERED_REVIEWS,
  nav: [
    { href: '/reviews', label: 'Reviews' },
    { href: '/issues', label: 'The magazine' },
    { href: '/critics', label: 'Critics' },
  ],
} as const

export function absoluteUrl(path: string): string {
  return new URL(path, site.baseUrl).toString()
}
