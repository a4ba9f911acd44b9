import { describe, expect, it, vi } from 'vitest'
import { Critic, Film, Issue, Review } from '@/contentlayer.config'
import { browserBuild } from '@/lib/editor/keystatic-browser-build'
import { referenceTargets } from '@/lib/editor/references'
import keystaticConfig from '@/keystatic.config'

vi.mock('@keystatic/core', async () => await import(browserBuild('@keystatic/core')))
vi.mock(
  '@keystatic/core/content-components',
  async () => await import(browserBuild('@keystatic/core/content-components')),
)

/**
 * One schema: every field of contentlayer.config.ts has a Keystatic field of the same name,
 * type, requiredness and default, and no Keystatic field is extra. Keystatic's fields are
 * described by what they do (parse, validate, default), not by how they were written.
 */
type Shape =
  | { type: 'string' | 'date' | 'number' | 'boolean'; required: boolean; default?: unknown }
  | { type: 'enum'; options: string[]; default?: unknown }
  | { type: 'list'; of: Shape }
  | { type: 'nested'; fields: Record<string, Shape> }
  | { type: 'mdx' }

type ContentlayerField = {
  type: string
  required?: boolean
  default?: unknown
  options?: string[]
  of?: unknown
}
type DefLike = { def: () => { fields: Record<string, ContentlayerField>; contentType?: string } }

function fromContentlayer(field: ContentlayerField): Shape {
  if (field.type === 'list') {
    const of = field.of as ContentlayerField | DefLike
    // an item of a list is always there (Contentlayer refuses a null item): required
    return {
      type: 'list',
      of: 'def' in of ? fromNested(of) : fromContentlayer({ ...of, required: true }),
    }
  }
  if (field.type === 'nested') return fromNested(field.of as DefLike)
  if (field.type === 'enum')
    return { type: 'enum', options: field.options ?? [], default: field.default }
  const type = field.type as 'string' | 'date' | 'number' | 'boolean'
  // a field with a default is always present after reading: it is not "required" of the writer
  return field.default !== undefined
    ? { type, required: false, default: field.default }
    : { type, required: field.required === true }
}
const fromNested = (nested: DefLike): Shape => ({
  type: 'nested',
  fields: Object.fromEntries(
    Object.entries(nested.def().fields).map(([k, f]) => [k, fromContentlayer(f)]),
  ),
})

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
    }
  if (field.kind === 'array') return { type: 'list', of: fromKeystatic(field.element as KField) }
  if (field.formKind === 'content') return { type: 'mdx' }
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
      default: field.defaultValue!(),
    }
  if (!throws(() => parse(true)) && parse(true) === true)
    return withDefault({ type: 'boolean', required })
  if (!throws(() => parse(3)) && parse(3) === 3) return withDefault({ type: 'number', required })
  if (!throws(() => parse(new Date(Date.UTC(2025, 0, 2)))))
    return withDefault({ type: 'date', required })
  return withDefault({ type: 'string', required })
}

const keystaticShape = (name: keyof typeof keystaticConfig.collections): Shape => {
  const collection = keystaticConfig.collections[name]
  const schema = collection.schema as Record<string, KField>
  return {
    type: 'nested',
    fields: Object.fromEntries(
      Object.entries(schema)
        .filter(([, f]) => f.formKind !== 'content')
        .map(([k, f]) => [k, fromKeystatic(f, k === collection.slugField)]),
    ),
  }
}

const contentlayerShape = (type: DefLike) => fromNested(type)

describe('Keystatic and Contentlayer describe the same fields', () => {
  it.each([
    ['reviews', Review],
    ['films', Film],
    ['critics', Critic],
    ['issues', Issue],
  ] as const)('%s', (name, type) => {
    const expected = contentlayerShape(type as unknown as DefLike)
    // a required enum is a select with a first choice in the editor: compared by its options
    const ks = keystaticShape(name)
    const normalise = (s: Shape): Shape =>
      s.type === 'nested'
        ? {
            type: 'nested',
            fields: Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, normalise(f)])),
          }
        : s.type === 'list'
          ? { type: 'list', of: normalise(s.of) }
          : s.type === 'enum'
            ? { type: 'enum', options: s.options }
            : s
    expect(normalise(ks)).toEqual(normalise(expected))
  })

  it('the body is MDX in reviews only, as in Contentlayer', () => {
    const withBody = Object.entries(keystaticConfig.collections)
      .filter(([, c]) =>
        Object.values(c.schema as Record<string, KField>).some((f) => f.formKind === 'content'),
      )
      .map(([name]) => name)
    expect(withBody).toEqual(['reviews'])
    expect((Review as unknown as DefLike).def().contentType).toBe('mdx')
    expect(keystaticConfig.collections.reviews.format).toEqual({ contentField: 'body' })
  })

  it('references are pickers of the collections the content check resolves them in', () => {
    const s = keystaticConfig.collections
    const targets = {
      'reviews.critic': referenceTargets.get(s.reviews.schema.critic),
      'reviews.film': referenceTargets.get(s.reviews.schema.film),
      'reviews.issue': referenceTargets.get(s.reviews.schema.issue),
      'issues.inside.review': referenceTargets.get(
        (s.issues.schema.inside as unknown as { element: { fields: { review: object } } }).element
          .fields.review,
      ),
    }
    expect(targets).toEqual({
      'reviews.critic': 'critics',
      'reviews.film': 'films',
      'reviews.issue': 'issues',
      'issues.inside.review': 'reviews',
    })
  })

  it('a file name is a slug in every collection, where Contentlayer takes it from', () => {
    for (const [name, c] of Object.entries(keystaticConfig.collections))
      expect(c.path, name).toBe(`content/${name}/*`)
  })
})
