import { dump, load } from 'js-yaml'
import type { ComponentSchema } from '@keystatic/core'
import keystaticConfig from '../../keystatic.config'
import { FRONTMATTER } from '../content/frontmatter'

/**
 * What a save in the editor writes, without the browser: each field is read and written by
 * its own Keystatic `parse`/`serialize` (the MDX body by Keystatic's MDX editor model), the
 * data dumped with js-yaml like Keystatic's save (`dump(value)`, frontmatter between `---`
 * lines). Used by the round-trip test and by scripts/editor-normalise.ts.
 */
export type CollectionName = keyof typeof keystaticConfig.collections

const encoder = new TextEncoder()
const decoder = new TextDecoder()

type AnyField = Record<string, unknown> & { kind: string; formKind?: string }
type Slug = { field: string; value: string }

function readValue(
  schema: AnyField,
  value: unknown,
  path: string[],
  slug: Slug,
  body?: string,
): unknown {
  if (schema.kind === 'object') {
    const fields = schema.fields as Record<string, AnyField>
    const obj = (value ?? {}) as Record<string, unknown>
    return Object.fromEntries(
      Object.entries(fields).map(([k, f]) => [k, readValue(f, obj[k], [...path, k], slug, body)]),
    )
  }
  if (schema.kind === 'array') {
    const items = (value ?? []) as unknown[]
    return items.map((v, i) => readValue(schema.element as AnyField, v, [...path, String(i)], slug))
  }
  if (schema.kind !== 'form')
    throw new Error(`${path.join('.')}: unsupported field kind ${schema.kind}`)
  const stored = value instanceof Date ? value.toISOString().slice(0, 10) : value
  const field = schema as unknown as {
    parse: (v: unknown, extra?: unknown) => unknown
    validate: (v: unknown, extra?: unknown) => unknown
  }
  if (schema.formKind === 'content')
    return field.parse(undefined, {
      content: encoder.encode(body ?? ''),
      other: new Map(),
      external: new Map(),
      slug: slug.value,
    })
  if (schema.formKind === 'slug' && path.length === 1 && path[0] === slug.field)
    return field.parse(stored, { slug: slug.value })
  const parsed = field.parse(stored === null ? undefined : stored, undefined)
  field.validate(parsed, undefined)
  return parsed
}

function writeValue(
  schema: AnyField,
  value: unknown,
  path: string[],
  slug: Slug,
  out: { body?: string },
): unknown {
  if (schema.kind === 'object') {
    const fields = schema.fields as Record<string, AnyField>
    const obj = value as Record<string, unknown>
    const entries = Object.entries(fields)
      .map(([k, f]) => [k, writeValue(f, obj[k], [...path, k], slug, out)] as const)
      .filter(([, v]) => v !== undefined)
    return Object.fromEntries(entries)
  }
  if (schema.kind === 'array')
    return (value as unknown[]).map(
      (v, i) => writeValue(schema.element as AnyField, v, [...path, String(i)], slug, out) ?? null,
    )
  const field = schema as unknown as {
    serialize: (v: unknown, extra?: unknown) => { value: unknown; content?: Uint8Array }
    serializeWithSlug: (v: unknown) => { value: unknown; slug: string }
  }
  if (schema.formKind === 'content') {
    const written = field.serialize(value, { slug: slug.value })
    out.body = decoder.decode(written.content)
    return undefined
  }
  if (schema.formKind === 'slug' && path.length === 1 && path[0] === slug.field)
    return field.serializeWithSlug(value).value
  return field.serialize(value).value
}

/** Splits a review file into its frontmatter data and body, as Keystatic does. */
function split(text: string, hasBody: boolean): { data: unknown; body?: string } {
  if (!hasBody) return { data: load(text) }
  const m = FRONTMATTER.exec(text)
  if (!m) throw new Error('missing --- frontmatter block')
  return { data: load(m[1] ?? ''), body: text.slice(m[0].length) }
}

/** Opens a file in the editor and saves it unchanged: the text Keystatic writes back. */
export function resave(collection: CollectionName, slug: string, text: string): string {
  const definition = keystaticConfig.collections[collection]
  const schema = { kind: 'object', fields: definition.schema } as unknown as AnyField
  const slugRef = { field: definition.slugField as string, value: slug }
  const contentField = (definition.format as { contentField?: string } | undefined)?.contentField
  const { data, body } = split(text, contentField !== undefined)
  const state = readValue(schema, data, [], slugRef, body)
  const out: { body?: string } = {}
  const written = writeValue(schema, state, [], slugRef, out)
  const yaml = dump(written)
  return contentField === undefined ? yaml : `---\n${yaml}---\n${out.body ?? ''}`
}

export const COLLECTION_FOLDERS: Record<CollectionName, { dir: string; ext: string }> = {
  reviews: { dir: 'content/reviews', ext: '.mdx' },
  films: { dir: 'content/films', ext: '.yaml' },
  critics: { dir: 'content/critics', ext: '.yaml' },
  issues: { dir: 'content/issues', ext: '.yaml' },
}

export type { ComponentSchema }
