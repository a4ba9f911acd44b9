/** `npm run new:review -- "Film title" [--year 2025]`: scaffolds a draft review and its film. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { year: { type: 'string' } },
})
const title = positionals.join(' ').trim()
if (!title) {
  console.error('Usage: npm run new:review -- "Film title" [--year 2025]')
  process.exit(1)
}
const today = new Date().toISOString().slice(0, 10)
const year = values.year ?? today.slice(0, 4)
const slug = `${title
  .toLowerCase()
  .normalize('NFKD')
  .replace(/[^\w\s-]/g, '')
  .trim()
  .replace(/[\s_-]+/g, '-')}-${year}`
const contentDir = process.env.CONTENT_DIR ?? 'content'
const quoted = JSON.stringify

const review = `---
headline: ${quoted(`${title}: verdict in a few words`)}
standfirst: One sentence naming who stars, what kind of film it is, and the verdict.
critic: critic-slug
date: ${today}
film: ${slug}
hero:
  src: /images/stills/${slug}-hero.jpg
  alt: Describe what the still shows
  caption: ${quoted(`Actor as Character in ${title} (${year})`)}
genres: [drama]
issue: issue-slug
release:
  date: ${today}
  territory: UK
  form: cinemas
draft: true
---

Open on a moment from the film. Name other films with their year, like Hereditary (2018).

<PullQuote>Copy a sentence from the body here, word for word.</PullQuote>
`

const film = `title: ${quoted(title)}
year: ${year}
directors: [Director Name]
writers: [Writer Name]
cast:
  - name: Actor Name
    character: Character Name
runtime: 100
countries: [United Kingdom]
languages: [English]
certificate: '15'
distributor: Distributor Name
`

function write(file: string, text: string) {
  if (existsSync(file)) {
    console.log(`exists, left alone: ${file}`)
    return
  }
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
  console.log(`created: ${file}`)
}

write(path.join(contentDir, 'reviews', `${slug}.mdx`), review)
write(path.join(contentDir, 'films', `${slug}.yaml`), film)
console.log('Fill in every field, add the images, then run npm run content:check.')
