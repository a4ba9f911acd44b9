import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { documentSchema, references } from '@/lib/content/check/schema'
import { FRONTMATTER } from '@/lib/content/frontmatter'
import { model, type CollectionName } from '@/lib/content/model'
import { closest } from '@/lib/content/check/suggest'
import { proseText, pullQuotes, stills } from '@/lib/content/mdx-text'

/**
 * The content check: everything an editor can get wrong, reported as
 * `file:line field: message`. Runs before every build and as `npm run content:check`.
 */
export type SourceFile = { path: string; text: string }
export type Problem = { file: string; line: number; field: string; message: string }
export type Kind = 'review' | 'film' | 'critic' | 'issue'
export type CheckOptions = {
  imageExists: (src: string) => boolean
}

type Parsed = {
  kind: Kind
  file: string
  slug: string
  data: Record<string, unknown>
  body: string
  bodyStartLine: number
  lineOf: (path: (string | number)[]) => number
}

const FOLDERS: Record<CollectionName, Kind> = {
  reviews: 'review',
  films: 'film',
  critics: 'critic',
  issues: 'issue',
}
/** Each kind's schema and the fields that name other entries, from the content model. */
const RULES = Object.fromEntries(
  (Object.entries(FOLDERS) as [CollectionName, Kind][]).map(([collection, kind]) => [
    kind,
    { schema: documentSchema(collection), references: references(model[collection]) },
  ]),
) as Record<Kind, { schema: z.ZodType; references: { path: string[]; to: CollectionName }[] }>

function kindOf(path: string): Kind | undefined {
  const folder = path
    .split('/')
    .slice(0, -1)
    .reverse()
    .find((segment): segment is CollectionName => segment in FOLDERS)
  return folder ? FOLDERS[folder] : undefined
}

function parse(file: SourceFile, kind: Kind, problems: Problem[]): Parsed | undefined {
  const slug = (file.path.split('/').pop() ?? '').replace(/\.(mdx|yaml|yml)$/, '')
  let yamlText = file.text
  let body = ''
  let frontOffset = 0
  let bodyStartLine = 1
  if (kind === 'review') {
    const m = FRONTMATTER.exec(file.text)
    if (!m) {
      problems.push({
        file: file.path,
        line: 1,
        field: 'frontmatter',
        message: 'missing --- frontmatter block',
      })
      return undefined
    }
    yamlText = m[1] ?? ''
    frontOffset = 1
    body = file.text.slice(m[0].length)
    bodyStartLine = m[0].split('\n').length
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter })
  for (const err of doc.errors) {
    const line = (lineCounter.linePos(err.pos[0]).line ?? 1) + frontOffset
    problems.push({
      file: file.path,
      line,
      field: 'yaml',
      message: err.message.split('\n')[0] ?? 'invalid YAML',
    })
  }
  if (doc.errors.length) return undefined
  const data = (doc.toJS() ?? {}) as Record<string, unknown>
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as
        { range?: [number, number, number] } | undefined
      if (node && node.range) return lineCounter.linePos(node.range[0]).line + frontOffset
      // a scalar key's value may be null; fall back to the pair's key
    }
    return 1 + frontOffset
  }
  return { kind, file: file.path, slug, data, body, bodyStartLine, lineOf }
}

function schemaProblems(doc: Parsed, schema: z.ZodType): Problem[] {
  const result = schema.safeParse(doc.data, { reportInput: true })
  if (result.success) return []
  return result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
    const field = [...path, ...keys.slice(0, 1)].join('.') || '(document)'
    const missing = issue.code === 'invalid_type' && issue.input === undefined
    const message = missing
      ? 'is required'
      : issue.code === 'unrecognized_keys'
        ? `is not a known field (${keys.join(', ')})`
        : issue.message
    return { file: doc.file, line: doc.lineOf([...path, ...keys.slice(0, 1)]), field, message }
  })
}

/** Pull quotes are compared ignoring emphasis, spacing and case (a quote may start a sentence). */
const normalise = (s: string) => s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim().toLowerCase()

function lineAt(doc: Parsed, index: number): number {
  return doc.bodyStartLine + doc.body.slice(0, index).split('\n').length - 1
}

function bodyProblems(
  doc: Parsed,
  reviewUrls: Set<string>,
  imageExists: (s: string) => boolean,
): Problem[] {
  const problems: Problem[] = []
  const at = (index: number, field: string, message: string) =>
    problems.push({ file: doc.file, line: lineAt(doc, index), field, message })

  const prose = normalise(proseText(doc.body))
  for (const quote of pullQuotes(doc.body)) {
    const words = normalise(quote.text)
    if (!words) at(quote.index, 'PullQuote', 'is empty')
    else if (!prose.includes(words))
      at(quote.index, 'PullQuote', `words are not in the review's body: "${quote.text.trim()}"`)
  }
  for (const { index, attributes } of stills(doc.body)) {
    const { src, alt } = attributes
    if (!alt?.trim()) at(index, 'Still.alt', 'image has no alt text')
    if (!src) at(index, 'Still.src', 'is required')
    else if (!imageExists(src)) at(index, 'Still.src', `image not found: public${src}`)
  }
  for (const m of doc.body.matchAll(/\]\((\/reviews\/[^)\s#?]*)/g)) {
    const url = (m[1] ?? '').replace(/\/$/, '')
    if (!reviewUrls.has(url))
      at(m.index, 'link', `links to ${url}, which is not a review on the site`)
  }
  return problems
}

function field(doc: Parsed, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    doc.data,
  )
}

/** Where a field's path leads in a document: `*` steps into every item of a list. */
function places(
  value: unknown,
  path: string[],
  at: (string | number)[] = [],
): (string | number)[][] {
  const [step, ...rest] = path
  if (step === undefined) return [at]
  if (step === '*')
    return Array.isArray(value) ? value.flatMap((item, i) => places(item, rest, [...at, i])) : []
  const next =
    value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined
  return places(next, rest, [...at, step])
}

export function checkContent(files: SourceFile[], options: CheckOptions): Problem[] {
  const problems: Problem[] = []
  const docs: Parsed[] = []
  for (const file of files) {
    const kind = kindOf(file.path)
    if (!kind) continue
    const doc = parse(file, kind, problems)
    if (!doc) continue
    docs.push(doc)
    problems.push(...schemaProblems(doc, RULES[kind].schema))
  }

  const slugs = (kind: Kind) => new Set(docs.filter((d) => d.kind === kind).map((d) => d.slug))
  const known: Record<Kind, Set<string>> = {
    review: slugs('review'),
    film: slugs('film'),
    critic: slugs('critic'),
    issue: slugs('issue'),
  }
  const reviews = docs.filter((d) => d.kind === 'review')
  const reviewUrls = new Set(reviews.map((r) => `/reviews/${r.slug}`))
  const seen = new Map<string, string>()
  const claim = (doc: Parsed, key: string, path: (string | number)[], what: string) => {
    const other = seen.get(key)
    if (other)
      problems.push({
        file: doc.file,
        line: doc.lineOf(path),
        field: path.join('.') || 'slug',
        message: `duplicate ${what} "${key.slice(key.indexOf(':') + 1)}", also used by ${other}`,
      })
    else seen.set(key, doc.file)
  }
  for (const doc of docs) claim(doc, `${doc.kind}:${doc.slug}`, [], `${doc.kind} slug`)
  for (const r of reviews) {
    const aliases = field(r, ['redirectFrom'])
    if (Array.isArray(aliases)) {
      aliases.forEach((a, i) => {
        claim(r, `url:${String(a)}`, ['redirectFrom', i], 'URL')
        if (reviewUrls.has(String(a)))
          problems.push({
            file: r.file,
            line: r.lineOf(['redirectFrom', i]),
            field: `redirectFrom.${i}`,
            message: `"${String(a)}" is the URL of an existing review`,
          })
        reviewUrls.add(String(a))
      })
    }
  }

  const reference = (doc: Parsed, path: (string | number)[], kind: Kind) => {
    const value = field(doc, path)
    if (typeof value !== 'string' || known[kind].has(value)) return
    const guess = closest(value, known[kind])
    problems.push({
      file: doc.file,
      line: doc.lineOf(path),
      field: path.join('.'),
      message: `unknown ${kind} "${value}"${guess ? `: did you mean ${guess}?` : ''}`,
    })
  }
  const image = (doc: Parsed, path: string[]) => {
    const src = field(doc, [...path, 'src'])
    if (typeof src === 'string' && !options.imageExists(src))
      problems.push({
        file: doc.file,
        line: doc.lineOf([...path, 'src']),
        field: `${path.join('.')}.src`,
        message: `image not found: public${src}`,
      })
  }

  for (const doc of docs)
    for (const { path, to } of RULES[doc.kind].references)
      for (const at of places(doc.data, path)) reference(doc, at, FOLDERS[to])
  for (const r of reviews) {
    image(r, ['hero'])
    if (field(r, ['release', 'form']) === 'streaming' && !field(r, ['release', 'service']))
      problems.push({
        file: r.file,
        line: r.lineOf(['release', 'form']),
        field: 'release.service',
        message: 'is required when form is streaming',
      })
    problems.push(...bodyProblems(r, reviewUrls, options.imageExists))
  }
  for (const issue of docs.filter((d) => d.kind === 'issue')) image(issue, ['cover'])
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} ${p.field}: ${p.message}`
}
