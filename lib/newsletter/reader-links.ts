/** What the confirm and unsubscribe pages and routes share: the token their links carry. */

/** The token a reader's link carries, or undefined when there is none worth asking about. */
export function linkToken(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w-]{8,100}$/.test(value) ? value : undefined
}
