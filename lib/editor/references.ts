/** Which collection each Keystatic relationship field picks from (read by the schema test). */
export const referenceTargets = new WeakMap<object, string>()

export function recordReference<F extends object>(field: F, collection: string): F {
  referenceTargets.set(field, collection)
  return field
}
