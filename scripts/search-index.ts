/**
 * Builds the Pagefind index of published reviews into public/pagefind (git-ignored), before
 * `next build` so Next serves it. Records come from the typed content through the one
 * publication rule, so drafts and scheduled pieces are never indexed.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import * as pagefind from 'pagefind'
import { searchRecords } from '../lib/content/search'

const outputPath = path.resolve('public/pagefind')
rmSync(outputPath, { recursive: true, force: true })

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
if (!index) throw new Error(`Pagefind could not start: ${errors.join(', ')}`)
const records = searchRecords()
for (const r of records) {
  const added = await index.addCustomRecord({
    url: r.url,
    language: 'en',
    content: [r.headline, r.film, r.people, r.critic, r.genres.join(', '), r.text].join('. '),
    meta: { title: r.headline, film: `${r.film} (${r.year})`, critic: r.critic, date: r.date },
    filters: { critic: [r.critic], genre: r.genres, year: [r.year] },
    sort: { date: r.date },
  })
  if (added.errors.length) throw new Error(`Pagefind refused ${r.url}: ${added.errors.join(', ')}`)
}
const written = await index.writeFiles({ outputPath })
if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join(', ')}`)
await pagefind.close()
console.log(`Search index: ${records.length} published reviews → public/pagefind`)
