import {
  defineNestedType,
  type FieldDef,
  type ListFieldDefItem,
  type NestedType as ContentlayerNestedType,
} from 'contentlayer2/source-files'
import type { Field, Fields, ListField, NestedType } from './fields'

/**
 * The model's fields as Contentlayer fields, which make the site's types
 * (`contentlayer/generated`). Read by contentlayer.config.ts.
 */
export function contentlayerFields(fields: Fields): Record<string, FieldDef> {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, fieldDef(f)]))
}

/** One Contentlayer type per nested type, however many fields use it (a hero and a cover). */
const nestedTypes = new Map<NestedType, ContentlayerNestedType>()

function nestedType(of: NestedType): ContentlayerNestedType {
  const known = nestedTypes.get(of)
  if (known) return known
  const type = defineNestedType(() => ({ name: of.name, fields: contentlayerFields(of.fields) }))
  nestedTypes.set(of, type)
  return type
}

const item = (of: ListField['of']): ListFieldDefItem.Item =>
  of.kind === 'object' ? nestedType(of.of) : { type: 'string' }

function fieldDef(field: Field): FieldDef {
  const description = field.description === undefined ? {} : { description: field.description }
  // a field with a default is always there once read: Contentlayer is not told it is required
  const required = { required: field.required }
  switch (field.kind) {
    case 'title':
    case 'reference':
      return { type: 'string', ...required, ...description }
    case 'text':
      return field.default === undefined
        ? { type: 'string', ...required, ...description }
        : { type: 'string', default: field.default, ...description }
    case 'date':
      return { type: 'date', ...required, ...description }
    case 'integer':
      return { type: 'number', ...required, ...description }
    case 'checkbox':
      return { type: 'boolean', default: field.default, ...description }
    case 'select':
      return { type: 'enum', options: Object.keys(field.options), ...required, ...description }
    case 'object':
      return { type: 'nested', of: nestedType(field.of), ...required, ...description }
    case 'list':
      return { type: 'list', of: item(field.of), ...required, ...description }
  }
}
