import { statSync } from 'node:fs'
import path from 'node:path'
import { Feed } from 'feed'
import { criticOf, filmOf, type Review } from '@/lib/content'
import { publicationTime } from '@/lib/content/publication.mjs'
import { reviewBodyHtml } from '@/lib/content/html'
import { releaseLine } from '@/lib/content/release'
import { latestModified, reviewModified } from '@/lib/content/last-modified'
import { feedFiles, feedUrl, type FeedFormat, type FeedSpec } from '@/lib/feeds/links'
import { absoluteUrl, site } from '@/lib/site'

function imageLength(src: string): number {
  try {
    return statSync(path.join(/* turbopackIgnore: true */ process.cwd(), 'public', src)).size
  } catch {
    return 0
  }
}

/** Feed readers poll for what is new: the latest reviews, not the whole archive on every poll. */
export const FEED_ITEMS = 50

/** `reviews` newest first, as the content boundary returns them. */
export function buildFeed(reviews: Review[], spec: FeedSpec): Feed {
  const updated = latestModified(reviews)
  const feed = new Feed({
    id: absoluteUrl(spec.link),
    title: spec.title,
    description: spec.description,
    link: absoluteUrl(spec.link),
    language: site.language,
    image: absoluteUrl('/opengraph-image'),
    favicon: absoluteUrl(site.publisher.logo),
    copyright: `© ${site.publisher.name}`,
    generator: false,
    ...(updated ? { updated: new Date(updated) } : {}),
    feedLinks: {
      rss: absoluteUrl(feedUrl(spec.basePath, 'rss')),
      atom: absoluteUrl(feedUrl(spec.basePath, 'atom')),
      json: absoluteUrl(feedUrl(spec.basePath, 'json')),
    },
  })
  for (const review of reviews.slice(0, FEED_ITEMS)) {
    const critic = criticOf(review.critic)
    const film = filmOf(review.film)
    const url = absoluteUrl(review.url)
    const body = reviewBodyHtml(review.body.raw, absoluteUrl)
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      title: review.headline,
      description: review.standfirst,
      content: `${body}<p>► ${releaseLine(film.title, review.release, review.date)}</p>`,
      date: new Date(reviewModified(review)),
      published: publicationTime(review),
      author: [{ name: critic.name, link: absoluteUrl(critic.url) }],
      category: review.genres.map((g) => ({ name: g, term: g })),
      image: {
        url: absoluteUrl(review.hero.src),
        type: 'image/jpeg',
        length: imageLength(review.hero.src),
      },
    })
  }
  return feed
}

export function feedResponse(format: FeedFormat, reviews: Review[], spec: FeedSpec): Response {
  const feed = buildFeed(reviews, spec)
  const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1()
  return new Response(body, {
    headers: { 'Content-Type': `${feedFiles[format].type}; charset=utf-8` },
  })
}
