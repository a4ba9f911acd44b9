import { describe, expect, it, vi } from 'vitest'
import { Critic, Film, Issue, Review } from '@/contentlayer.config'
import { documentSchema, references } from '@/lib/content/check/schema'
import { model, type CollectionName } from '@/lib/content/model'
import type { Field, Fields } from '@/lib/content/model/fields'
import { browserBuild } from '@/lib/editor/keystatic-browser-build'
import { referenceTargets } from '@/lib/editor/references'
import keystaticConfig from '@/keystatic.config'

vi.mock('@keystatic/core', async () => await import(browserBuild('@keystatic/core')))
vi.mock(
  '@keystatic/core/content-components',
  async () => await import(browserBuild('@keystatic/core/content-components')),
)

/**
 * One schema: the fields are declared once (lib/content/model) and made into Contentlayer
 * fields, Keystatic fields and zod schemas. What is left to prove is that each tool reads
 * what it was given as the model means it: every field of the model, and no other, with the
 * same type, requiredness and default. Each tool's fields are described by what they do
 * (Keystatic's parse/validate/default, zod's answers), not by how they were written.
 */
type Shape =
  | { type: 'string' | 'date' | 'number' | 'boolean'; required: boolean; default?: unknown }
  | { type: 'enum'; options: string[]; required: boolean }
  | { type: 'list'; of: Shape; required: boolean }
  | { type: 'nested'; fields: Record<string, Shape>; required: boolean }

const collections = { reviews: Review, films: Film, critics: Critic, issues: Issue } as const
const names = Object.keys(collections) as CollectionName[]

// ---- the model, as the other three should read it

function fromModel(field: Field): Shape {
  const { required } = field
  switch (field.kind) {
    case 'title':
    case 'reference':
      return { type: 'string', required }
    case 'text':
      return field.default === undefined
        ? { type: 'string', required }
        : { type: 'string', required, default: field.default }
    case 'date':
      return { type: 'date', required }
    case 'integer':
      return { type: 'number', required }
    case 'checkbox':
      return { type: 'boolean', required, default: field.default }
    case 'select':
      return { type: 'enum', options: Object.keys(field.options), required }
    case 'object':
      return { type: 'nested', fields: fieldShapes(field.of.fields), required }
    case 'list':
      return { type: 'list', of: fromModel(field.of), required }
  }
}
const fieldShapes = (fields: Fields) =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fromModel(f)]))
const modelShape = (name: CollectionName): Shape => ({
  type: 'nested',
  fields: fieldShapes(model[name]),
  required: true,
})

// ---- Contentlayer

type ContentlayerField = {
  type: string
  required?: boolean
  default?: unknown
  options?: string[]
  of?: unknown
}
type DefLike = { def: () => { fields: Record<string, ContentlayerField>; contentType?: string } }

function fromContentlayer(field: ContentlayerField): Shape {
  const required = field.required === true
  if (field.type === 'list') {
    const of = field.of as ContentlayerField | DefLike
    // an item of a list is always there (Contentlayer refuses a null item): required
    const item = 'def' in of ? fromNested(of, true) : fromContentlayer({ ...of, required: true })
    return { type: 'list', of: item, required }
  }
  if (field.type === 'nested') return fromNested(field.of as DefLike, required)
  if (field.type === 'enum') return { type: 'enum', options: field.options ?? [], required }
  const type = field.type as 'string' | 'date' | 'number' | 'boolean'
  // a field with a default is always present after reading: it is not "required" of the writer
  return field.default !== undefined
    ? { type, required: false, default: field.default }
    : { type, required }
}
const fromNested = (nested: DefLike, required: boolean): Shape => ({
  type: 'nested',
  fields: Object.fromEntries(
    Object.entries(nested.def().fields).map(([k, f]) => [k, fromContentlayer(f)]),
  ),
  required,
})

// ---- Keystatic

type KField = Record<string, unknown> & {
  kind: string
  formKind?: string
  parse?: (value: unknown, extra?: unknown) => unknown
  validate?: (value: unknown, extra?: unknown) => unknown
  defaultValue?: () => unknown
}
const throws = (fn: () => unknown) => {
  try {
    fn()
    return false
  } catch {
    return true
  }
}

/**
 * The editor always writes a list, an object and a select, so whether a file must have one is
 * not Keystatic's to say: `required` of those is left out of the comparison (see `editorView`).
 */
function fromKeystatic(field: KField, slugField = false): Shape {
  if (field.kind === 'object')
    return {
      type: 'nested',
      fields: Object.fromEntries(
        Object.entries(field.fields as Record<string, KField>).map(([k, f]) => [
          k,
          fromKeystatic(f),
        ]),
      ),
      required: false,
    }
  if (field.kind === 'array')
    return { type: 'list', of: fromKeystatic(field.element as KField), required: false }
  const parse = (v: unknown) => field.parse!(v, slugField ? { slug: 'x' } : undefined)
  const empty = slugField ? { name: '', slug: 'x' } : parse(undefined)
  const required = throws(() =>
    field.validate!(empty, slugField ? { slugField: { slugs: new Set(), glob: '*' } } : undefined),
  )
  const withDefault = (shape: Shape) => {
    const d = field.defaultValue!()
    return d !== '' && d !== null && !required ? { ...shape, default: d } : shape
  }
  if (Array.isArray(field.options))
    return {
      type: 'enum',
      options: (field.options as { value: string }[]).map((o) => o.value),
      required: false,
    }
  if (!throws(() => parse(true)) && parse(true) === true)
    return withDefault({ type: 'boolean', required })
  if (!throws(() => parse(3)) && parse(3) === 3) return withDefault({ type: 'number', required })
  if (!throws(() => parse(new Date(Date.UTC(2025, 0, 2)))))
    return withDefault({ type: 'date', required })
  return withDefault({ type: 'string', required })
}

const keystaticShape = (name: CollectionName): Shape => {
  const collection = keystaticConfig.collections[name]
  const schema = collection.schema as Record<string, KField>
  return {
    type: 'nested',
    fields: Object.fromEntries(
      Object.entries(schema)
        .filter(([, f]) => f.formKind !== 'content')
        .map(([k, f]) => [k, fromKeystatic(f, k === collection.slugField)]),
    ),
    required: true,
  }
}

const editorView = (s: Shape): Shape =>
  s.type === 'nested'
    ? {
        type: 'nested',
        fields: Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, editorView(f)])),
        required: false,
      }
    : s.type === 'list' || s.type === 'enum'
      ? { ...s, ...(s.type === 'list' && { of: editorView(s.of) }), required: false }
      : s

// ---- the content check (zod): which fields it asks for, found by leaving each one out

function sample(field: Field): unknown {
  switch (field.kind) {
    case 'date':
      return '2025-06-05'
    case 'integer':
      return 1
    case 'checkbox':
      return true
    case 'select':
      return Object.keys(field.options)[0]
    case 'object':
      return sampleOf(field.of.fields)
    case 'list':
      return [sample(field.of)]
    default:
      return 'x'
  }
}
const sampleOf = (fields: Fields) =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, sample(f)]))

/** `path → required` for every field, the fields of a list's first item included. */
function requiredness(fields: Fields, prefix: (string | number)[] = []): [string, boolean][] {
  return Object.entries(fields).flatMap(([name, field]): [string, boolean][] => {
    const path = [...prefix, name]
    const own: [string, boolean] = [path.join('.'), field.required]
    if (field.kind === 'object') return [own, ...requiredness(field.of.fields, path)]
    if (field.kind === 'list' && field.of.kind === 'object')
      return [own, ...requiredness(field.of.of.fields, [...path, 0])]
    return [own]
  })
}

function without(data: unknown, path: string[]): unknown {
  const [step, ...rest] = path
  if (step === undefined) return data
  if (Array.isArray(data))
    return data.map((item, i) => (String(i) === step ? without(item, rest) : item))
  const record = { ...(data as Record<string, unknown>) }
  if (rest.length === 0) delete record[step]
  else record[step] = without(record[step], rest)
  return record
}

function checkRequiredness(name: CollectionName): [string, boolean][] {
  const schema = documentSchema(name)
  const full = sampleOf(model[name])
  return requiredness(model[name]).map(([path]) => {
    const result = schema.safeParse(without(full, path.split('.')))
    const missing = (result.error?.issues ?? []).some((i) => i.path.join('.') === path)
    return [path, missing]
  })
}

describe('the content model, as each tool reads it', () => {
  it.each(names)(
    '%s: Contentlayer has every field, with its type, requiredness and default',
    (name) => {
      expect(fromNested(collections[name] as unknown as DefLike, true)).toEqual(modelShape(name))
    },
  )

  it.each(names)(
    '%s: the editor has every field, with its type, requiredness and default',
    (name) => {
      expect(editorView(keystaticShape(name))).toEqual(editorView(modelShape(name)))
    },
  )

  it.each(names)('%s: the content check requires exactly the required fields', (name) => {
    expect(checkRequiredness(name)).toEqual(requiredness(model[name]))
    const extra = documentSchema(name).safeParse({ ...sampleOf(model[name]), extra: 'x' })
    expect(extra.error?.issues.map((i) => i.code)).toContain('unrecognized_keys')
  })

  it('a nested type is one Contentlayer type wherever it is used (Image: hero and cover)', () => {
    const fields = (type: unknown) => (type as DefLike).def().fields
    expect(fields(Review).hero?.of).toBe(fields(Issue).cover?.of)
  })

  it('the body is MDX in reviews only, in Contentlayer and in the editor', () => {
    const withBody = Object.entries(keystaticConfig.collections)
      .filter(([, c]) =>
        Object.values(c.schema as Record<string, KField>).some((f) => f.formKind === 'content'),
      )
      .map(([name]) => name)
    expect(withBody).toEqual(['reviews'])
    expect(
      names.filter((n) => (collections[n] as unknown as DefLike).def().contentType === 'mdx'),
    ).toEqual(['reviews'])
    expect(keystaticConfig.collections.reviews.format).toEqual({ contentField: 'body' })
  })

  it('a reference is a picker of the collection the content check resolves it in', () => {
    const keystaticAt = (name: CollectionName, path: string[]) =>
      path.reduce<KField>(
        (f, step) =>
          (step === '*' ? f.element : (f.fields as Record<string, KField>)[step]) as KField,
        { kind: 'object', fields: keystaticConfig.collections[name].schema },
      )
    const found = names.flatMap((name) =>
      references(model[name]).map(({ path, to }) => ({
        field: `${name}.${path.join('.')}`,
        to,
        picker: referenceTargets.get(keystaticAt(name, path)),
      })),
    )
    expect(found.map((r) => r.field)).toEqual([
      'reviews.critic',
      'reviews.film',
      'reviews.issue',
      'issues.inside.*.review',
    ])
    for (const r of found) expect(r.picker, r.field).toBe(r.to)
  })

  it('a file name is a slug in every collection, where Contentlayer takes it from', () => {
    for (const [name, c] of Object.entries(keystaticConfig.collections))
      expect(c.path, name).toBe(`content/${name}/*`)
  })
})
