import { site } from '@/lib/site'

/** Where the feeds live; kept apart from the generator so page metadata stays light. */
export type FeedFormat = 'rss' | 'atom' | 'json'
export type FeedSpec = { title: string; description: string; basePath: string; link: string }

export const feedFiles: Record<FeedFormat, { file: string; type: string }> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml' },
  atom: { file: 'atom.xml', type: 'application/atom+xml' },
  json: { file: 'feed.json', type: 'application/feed+json' },
}

export const feedUrl = (basePath: string, format: FeedFormat) =>
  `${basePath.replace(/\/$/, '')}/${feedFiles[format].file}`

export const siteFeed: FeedSpec = {
  title: `${site.name}: reviews`,
  description: site.description,
  basePath: '/',
  link: '/reviews',
}
