/** Run by `npm run build` after Contentlayer: fails if a once-published URL no longer resolves. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { reviewRedirects } from '../lib/content/redirects.mjs'
import { publicPages } from '../lib/content/public-pages'
import {
  URL_HISTORY_HEADER,
  checkUrlHistory,
  mergeUrlHistory,
  parseUrlHistory,
} from '../lib/content/url-history'

const file = process.env.URL_HISTORY_FILE ?? 'published-urls.txt'
const history = existsSync(file) ? parseUrlHistory(readFileSync(file, 'utf8')) : []
const pages = publicPages().map((p) => p.path)
const live = new Set([...pages, ...reviewRedirects().map((r) => r.source)])

const broken = checkUrlHistory(history, live)
if (broken.length > 0) {
  for (const url of broken) console.error(`${file}: ${url} was published and no longer resolves`)
  console.error(
    `\nA published URL must keep working: add it to the review's redirectFrom, or restore the page.`,
  )
  process.exit(1)
}
const merged = mergeUrlHistory(history, pages)
if (merged.length !== history.length)
  writeFileSync(file, URL_HISTORY_HEADER + merged.join('\n') + '\n')
console.log(
  `URL history: ${history.length} published URLs all resolve; ${merged.length - history.length} new.`,
)
