/**
 * The kinds of field a piece of content can have. Each field is declared once, in
 * lib/content/model/index.ts, and read three ways: as Contentlayer fields (the site's types,
 * lib/content/model/contentlayer.ts), as Keystatic fields (the editor,
 * lib/editor/keystatic-schema.ts) and as zod schemas (the content check,
 * lib/content/check/schema.ts). No imports: Keystatic's browser bundle reads this too.
 */
export type CollectionName = 'reviews' | 'films' | 'critics' | 'issues'

type Base = {
  /** What the editor calls the field. */
  label: string
  /** Shown to editors beside the field, and written into the site's generated types. */
  description?: string
  /** Must the file have it? A field with a default never must. */
  required: boolean
}

/** The field an entry is named by: the editor makes the file name (the slug) from it. */
export type TitleField = Base & { kind: 'title'; fileName?: string }
export type TextField = Base & {
  kind: 'text'
  default?: string
  multiline?: boolean
  pattern?: { regex: RegExp; message: string }
}
export type DateField = Base & { kind: 'date' }
export type IntegerField = Base & { kind: 'integer' }
export type CheckboxField = Base & { kind: 'checkbox'; default: boolean }
/** One of a few values (`value: label`); the editor picks the first until told otherwise. */
export type SelectField = Base & { kind: 'select'; options: Record<string, string> }
/** The slug of an entry of another collection. */
export type ReferenceField = Base & { kind: 'reference'; to: CollectionName }
export type ObjectField = Base & { kind: 'object'; of: NestedType }
export type ListField = Base & {
  kind: 'list'
  of: TextField | ObjectField
  /** How the editor names an item of a list of objects (by default, the item's own label). */
  itemLabel?: (item: Record<string, unknown>) => string
}
export type Field =
  | TitleField
  | TextField
  | DateField
  | IntegerField
  | CheckboxField
  | SelectField
  | ReferenceField
  | ObjectField
  | ListField
export type Fields = Record<string, Field>

/** A group of fields used in more than one place; `name` is its type's name in the site's code. */
export type NestedType<F extends Fields = Fields> = { name: string; fields: F }

type Options = { description?: string; optional?: boolean }
const base = (label: string, { description, optional }: Options): Base => ({
  label,
  ...(description !== undefined && { description }),
  required: !optional,
})

export const title = (
  label: string,
  options: Options & { fileName?: string } = {},
): TitleField => ({
  kind: 'title',
  ...base(label, options),
  ...(options.fileName !== undefined && { fileName: options.fileName }),
})

export const text = (
  label: string,
  options: Options & Pick<TextField, 'default' | 'multiline' | 'pattern'> = {},
): TextField => ({
  kind: 'text',
  ...base(label, { ...options, optional: options.optional || options.default !== undefined }),
  ...(options.default !== undefined && { default: options.default }),
  ...(options.multiline && { multiline: true }),
  ...(options.pattern && { pattern: options.pattern }),
})

export const date = (label: string, options: Options = {}): DateField => ({
  kind: 'date',
  ...base(label, options),
})

export const integer = (label: string, options: Options = {}): IntegerField => ({
  kind: 'integer',
  ...base(label, options),
})

export const checkbox = (
  label: string,
  options: { description?: string; default: boolean },
): CheckboxField => ({
  kind: 'checkbox',
  ...base(label, { description: options.description, optional: true }),
  default: options.default,
})

export const select = (
  label: string,
  options: Options & { options: Record<string, string> },
): SelectField => ({ kind: 'select', ...base(label, options), options: options.options })

export const reference = (
  to: CollectionName,
  label: string,
  options: Options = {},
): ReferenceField => ({ kind: 'reference', ...base(label, options), to })

export const object = (of: NestedType, label: string, options: Options = {}): ObjectField => ({
  kind: 'object',
  ...base(label, options),
  of,
})

export const list = (
  of: TextField | ObjectField,
  label: string,
  options: Options & Pick<ListField, 'itemLabel'> = {},
): ListField => ({
  kind: 'list',
  ...base(label, options),
  of,
  ...(options.itemLabel && { itemLabel: options.itemLabel }),
})

export const nested = <F extends Fields>(name: string, fields: F): NestedType<F> => ({
  name,
  fields,
})
