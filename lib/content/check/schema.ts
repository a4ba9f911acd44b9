import { z } from 'zod'
import { model, type CollectionName } from '../model'
import type { Field, Fields } from '../model/fields'

/**
 * The content model (lib/content/model) as zod schemas, so the content check can report every
 * problem with its line number.
 */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
    message: 'must be a date like 2025-06-05 or 2025-06-05T09:00',
  })
  .refine(isRealDay, { message: 'is not a real date' })

/** new Date() rolls 31 June over to 1 July; a real day survives the round trip. */
function isRealDay(s: string): boolean {
  const day = s.slice(0, 10)
  const parsed = new Date(`${day}T12:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day
}

const nonEmpty = () => z.string().min(1, { message: 'must not be empty' })

function fieldSchema(field: Field): z.ZodType {
  switch (field.kind) {
    case 'title':
    case 'reference':
      return nonEmpty()
    case 'text':
      return field.pattern
        ? nonEmpty().regex(field.pattern.regex, { message: field.pattern.message })
        : nonEmpty()
    case 'date':
      return isoDate
    case 'integer':
      return z.number()
    case 'checkbox':
      return z.boolean()
    case 'select':
      return z.enum(Object.keys(field.options) as [string, ...string[]])
    case 'object':
      return objectSchema(field.of.fields)
    case 'list':
      return z.array(fieldSchema(field.of))
  }
}

export function objectSchema(fields: Fields): z.ZodType {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, field] of Object.entries(fields)) {
    const schema = fieldSchema(field)
    shape[name] = field.required ? schema : schema.optional()
  }
  return z.strictObject(shape)
}

export const documentSchema = (collection: CollectionName) => objectSchema(model[collection])

/**
 * Where a collection's fields name an entry of another collection, `*` standing for each item
 * of a list: e.g. `{ path: ['inside', '*', 'review'], to: 'reviews' }`.
 */
export function references(
  fields: Fields,
  prefix: string[] = [],
): { path: string[]; to: CollectionName }[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const inner = field.kind === 'list' ? field.of : field
    const path = field.kind === 'list' ? [...prefix, name, '*'] : [...prefix, name]
    if (inner.kind === 'reference') return [{ path, to: inner.to }]
    if (inner.kind === 'object') return references(inner.of.fields, path)
    return []
  })
}
