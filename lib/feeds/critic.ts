import { getCritic, getCritics, getReviewsWhere } from '@/lib/content'
import { feedResponse } from '@/lib/feeds/feed'
import type { FeedFormat } from '@/lib/feeds/links'
import { site } from '@/lib/site'

/** Per-critic feeds, shared by the three format routes under /critics/[slug]/. */
export function criticFeedParams() {
  return getCritics().map((c) => ({ slug: c.slug }))
}

export function criticFeed(format: FeedFormat, slug: string): Response {
  const critic = getCritic(slug)
  if (!critic) return new Response('Not found', { status: 404 })
  return feedResponse(
    format,
    getReviewsWhere((r) => r.critic === critic.slug),
    {
      title: `${site.name}: reviews by ${critic.name}`,
      description: critic.bio,
      basePath: critic.url,
      link: critic.url,
    },
  )
}
