import { fields, type ComponentSchema } from '@keystatic/core'
import type {
  DateField,
  Field,
  Fields,
  IntegerField,
  ListField,
  TextField,
  TitleField,
} from '../content/model/fields'
import { recordReference } from './references'

/**
 * The model's fields (lib/content/model) as Keystatic fields, for keystatic.config.ts.
 * Relative imports only: read by scripts and Keystatic's browser bundle too.
 */
type KeystaticField<F extends Field> = F extends TitleField
  ? ReturnType<typeof fields.slug>
  : F extends TextField
    ? ReturnType<typeof fields.text>
    : F extends DateField
      ? ReturnType<typeof fields.date>
      : F extends IntegerField
        ? ReturnType<typeof fields.integer>
        : ComponentSchema

export type KeystaticSchema<F extends Fields> = { [K in keyof F]: KeystaticField<F[K]> }

/** The field a collection's file names are made from (its one title field). */
export type SlugField<F extends Fields> = {
  [K in keyof F]: F[K] extends TitleField ? K : never
}[keyof F] &
  string

export function keystaticSchema<F extends Fields>(model: F): KeystaticSchema<F> {
  return Object.fromEntries(
    Object.entries(model).map(([name, field]) => [name, keystaticField(field)]),
  ) as KeystaticSchema<F>
}

export function slugField<F extends Fields>(model: F): SlugField<F> {
  const titles = Object.keys(model).filter((name) => model[name]?.kind === 'title')
  if (titles.length !== 1 || !titles[0])
    throw new Error(`A collection needs one title field, not ${titles.length}`)
  return titles[0] as SlugField<F>
}

const validation = (field: Field) => (field.required ? { validation: { isRequired: true } } : {})

export function keystaticField(field: Field): ComponentSchema {
  const { label, description } = field
  switch (field.kind) {
    case 'title':
      return fields.slug({
        name: { label, description, ...validation(field) },
        slug: { label: 'File name', description: field.fileName },
      })
    case 'text':
      return fields.text({
        label,
        description,
        multiline: field.multiline,
        defaultValue: field.default,
        ...((field.required || field.pattern) && {
          validation: { isRequired: field.required, pattern: field.pattern },
        }),
      })
    case 'date':
      return fields.date({ label, description, ...validation(field) })
    case 'integer':
      return fields.integer({ label, description, ...validation(field) })
    case 'checkbox':
      return fields.checkbox({ label, description, defaultValue: field.default })
    case 'select': {
      const options = Object.entries(field.options).map(([value, label]) => ({ label, value }))
      return fields.select({ label, description, options, defaultValue: options[0]?.value ?? '' })
    }
    case 'reference':
      return recordReference(
        fields.relationship({
          label,
          description,
          collection: field.to,
          validation: { isRequired: field.required },
        }),
        field.to,
      )
    case 'object':
      return fields.object(keystaticSchema(field.of.fields), { label })
    case 'list':
      return fields.array(keystaticField(field.of), {
        label,
        description,
        itemLabel: itemLabel(field),
      })
  }
}

/** What Keystatic shows of a list item: its value, or an object's fields with theirs. */
type ItemPreview = { value?: unknown; fields?: Record<string, { value?: unknown }> }

/** An item's name in a list: its own label for a list of text, else the model's itemLabel. */
function itemLabel(field: ListField): (props: unknown) => string {
  const { itemLabel, of } = field
  if (of.kind === 'text') return (props) => String((props as ItemPreview).value || of.label)
  if (!itemLabel) return () => of.label
  const names = Object.keys(of.of.fields)
  return (props) => {
    const fields = (props as ItemPreview).fields
    return itemLabel(Object.fromEntries(names.map((name) => [name, fields?.[name]?.value])))
  }
}
