import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
import { parse } from 'yaml'
import { remarkFilmLinks, type FilmRef } from './lib/content/film-links'
import { model } from './lib/content/model'
import { contentlayerFields } from './lib/content/model/contentlayer'
import { proseText } from './lib/content/mdx-text'
import { publicFilmSlugs, type Publishable } from './lib/content/publication.mjs'

const contentDirPath = process.env.CONTENT_DIR ?? 'content'
/** Which files this process compiles when content:build shares a large archive out (see there). */
const shard = JSON.parse(process.env.CONTENT_SHARD ?? '{"include":[],"exclude":[]}') as {
  include: string[]
  exclude: string[]
}

const WORDS_PER_MINUTE = 230

/** Words a reader reads: MDX tags, frontmatter-like syntax and punctuation-only tokens excluded. */
function countWords(mdx: string): number {
  const text = proseText(mdx).replace(/[#>*_`[\]()]/g, ' ')
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

const fileSlug = (flattenedPath: string) => flattenedPath.split('/').pop() ?? flattenedPath

export const Review = defineDocumentType(() => ({
  name: 'Review',
  filePathPattern: 'reviews/**/*.mdx',
  contentType: 'mdx',
  fields: contentlayerFields(model.reviews),
  computedFields: {
    slug: { type: 'string', resolve: (doc) => fileSlug(doc._raw.flattenedPath) },
    url: { type: 'string', resolve: (doc) => `/reviews/${fileSlug(doc._raw.flattenedPath)}` },
    wordCount: { type: 'number', resolve: (doc) => countWords(doc.body.raw) },
    readingMinutes: {
      type: 'number',
      resolve: (doc) => Math.max(1, Math.round(countWords(doc.body.raw) / WORDS_PER_MINUTE)),
    },
  },
}))

export const Film = defineDocumentType(() => ({
  name: 'Film',
  filePathPattern: 'films/**/*.yaml',
  contentType: 'data',
  fields: contentlayerFields(model.films),
  computedFields: {
    slug: { type: 'string', resolve: (doc) => fileSlug(doc._raw.flattenedPath) },
    url: { type: 'string', resolve: (doc) => `/films/${fileSlug(doc._raw.flattenedPath)}` },
  },
}))

export const Critic = defineDocumentType(() => ({
  name: 'Critic',
  filePathPattern: 'critics/**/*.yaml',
  contentType: 'data',
  fields: contentlayerFields(model.critics),
  computedFields: {
    slug: { type: 'string', resolve: (doc) => fileSlug(doc._raw.flattenedPath) },
    url: { type: 'string', resolve: (doc) => `/critics/${fileSlug(doc._raw.flattenedPath)}` },
  },
}))

export const Issue = defineDocumentType(() => ({
  name: 'Issue',
  filePathPattern: 'issues/**/*.yaml',
  contentType: 'data',
  fields: contentlayerFields(model.issues),
  computedFields: {
    slug: { type: 'string', resolve: (doc) => fileSlug(doc._raw.flattenedPath) },
    url: { type: 'string', resolve: (doc) => `/issues/${fileSlug(doc._raw.flattenedPath)}` },
  },
}))

/** Bad YAML reads as empty here; the content check reports it with its line. */
function readYaml<T>(file: string): Partial<T> {
  const text = readFileSync(file, 'utf8')
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  try {
    return (parse(front ? (front[1] ?? '') : text) ?? {}) as Partial<T>
  } catch {
    return {}
  }
}

/** Films the site has published a review of, so prose can link to their pages. */
function reviewedFilms(dir: string): FilmRef[] {
  const files = (sub: string) =>
    existsSync(path.join(dir, sub))
      ? readdirSync(path.join(dir, sub)).map((f) => path.join(dir, sub, f))
      : []
  const published = publicFilmSlugs(
    files('reviews')
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => readYaml<Partial<Publishable> & { film?: string }>(f))
      .flatMap(({ film, date, publishAt, draft }) =>
        film && date
          ? [{ film, draft, date: String(date), publishAt: publishAt && String(publishAt) }]
          : [],
      ),
  )
  return files('films')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({
      slug: fileSlug(f.replace(/\.yaml$/, '')),
      film: readYaml<{ title: string; year: number }>(f),
    }))
    .filter(({ slug, film }) => published.has(slug) && film.title && film.year)
    .map(({ slug, film }) => ({
      title: String(film.title),
      year: Number(film.year),
      url: `/films/${slug}`,
    }))
}

export default makeSource({
  contentDirPath,
  // content/staff.yaml is who may sign in to /staff (lib/staff/roster.ts), not a document.
  contentDirExclude: [
    'node_modules',
    '.git',
    '.yarn',
    '.cache',
    '.next',
    '.contentlayer',
    'package.json',
    'tsconfig.json',
    'staff.yaml',
    ...shard.exclude,
  ],
  contentDirInclude: shard.include,
  mdx: {
    // esbuild (under Contentlayer's MDX compile) reads its working folder whole for every review:
    // the folder of the review, by default, which in an archive holds thousands of them (at 6,000
    // reviews, 124 s against 100 s with this). Reviews import nothing, so which folder is moot.
    resolveCwd: 'contentDirPath',
    remarkPlugins: [[remarkFilmLinks, reviewedFilms(contentDirPath)]],
  },
  documentTypes: [Review, Film, Critic, Issue],
  date: { timezone: 'Europe/London' },
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  disableImportAliasWarning: true,
})
