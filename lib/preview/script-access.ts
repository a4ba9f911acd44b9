import { timingSafeEqual } from 'node:crypto'
import { env } from '@/lib/env'

/**
 * Whether a request to the links API carries the server's PREVIEW_SECRET as a bearer token:
 * how `npm run preview-link` makes and revokes links while the server holds the embedded database.
 */
export function fromScript(request: Request): boolean {
  const secret = env.PREVIEW_SECRET
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
  if (!secret || !given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** The JSON object a request carries, or undefined when it carries none. */
export async function bodyOf(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json()
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
