import { z } from 'zod'
import type { DocumentType, FieldDef, FieldDefs, NestedType } from 'contentlayer2/source-files'

/**
 * Turns the field definitions in contentlayer.config.ts into zod schemas, so the schema
 * has one source and the content check can report every problem with its line number.
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

function fieldEntries(fields: FieldDefs | undefined): [string, FieldDef][] {
  if (!fields) return []
  if (Array.isArray(fields)) return fields.map((f) => [f.name, f as FieldDef])
  return Object.entries(fields as Record<string, FieldDef>)
}

const resolve = <T,>(thunk: T | (() => T)): T =>
  typeof thunk === 'function' ? (thunk as () => T)() : thunk

function nestedSchema(of: NestedType): z.ZodType {
  return objectSchema(resolve(of.def).fields)
}

function fieldSchema(def: FieldDef): z.ZodType {
  switch (def.type) {
    case 'string':
    case 'markdown':
    case 'mdx':
    case 'image':
      return z.string().min(1, { message: 'must not be empty' })
    case 'number':
      return z.number()
    case 'boolean':
      return z.boolean()
    case 'date':
      return isoDate
    case 'enum':
      return z.enum(def.options as [string, ...string[]])
    case 'nested':
      if (Array.isArray(def.of)) throw new Error('Polymorphic nested fields are not supported')
      return nestedSchema(def.of as NestedType)
    case 'list': {
      const of = def.of as FieldDef | NestedType
      return z.array(of.type === 'nested' && 'def' in of ? nestedSchema(of) : fieldSchema(of as FieldDef))
    }
    default:
      return z.unknown()
  }
}

export function objectSchema(fields: FieldDefs | undefined): z.ZodType {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, def] of fieldEntries(fields)) {
    const schema = fieldSchema(def)
    shape[name] = def.required ? schema : schema.optional()
  }
  return z.strictObject(shape)
}

export function documentSchema(type: DocumentType): z.ZodType {
  return objectSchema(resolve(type.def).fields)
}
