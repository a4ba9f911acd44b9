import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'

export const ROLES = ['editor', 'marketing'] as const
export type Role = (typeof ROLES)[number]

const rosterSchema = z.object({
  staff: z
    .array(
      z.object({
        address: z.email({ message: 'must be an email address' }),
        role: z.enum(ROLES, { message: `must be one of: ${ROLES.join(', ')}` }),
      }),
    )
    .default([]),
})

/** Who is staff: lower-cased address → role. */
export type Roster = ReadonlyMap<string, Role>

/** Parses the text of content/staff.yaml; throws with every problem named, file and entry. */
export function parseRoster(text: string, file = 'content/staff.yaml'): Roster {
  let data: unknown
  try {
    data = parse(text) ?? {}
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${(error as Error).message}`)
  }
  const result = rosterSchema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`${file} is not a valid staff list:\n${problems.join('\n')}`)
  }
  const roster = new Map<string, Role>()
  for (const { address, role } of result.data.staff) {
    const key = address.trim().toLowerCase()
    if (roster.has(key)) throw new Error(`${file} lists ${key} twice`)
    roster.set(key, role)
  }
  return roster
}

/** The staff list of the content folder (CONTENT_DIR or content/), read afresh on every call. */
export function readRoster(contentDir = process.env.CONTENT_DIR ?? 'content'): Roster {
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), contentDir, 'staff.yaml')
  return parseRoster(readFileSync(file, 'utf8'), file)
}

/** The role of `address`, or undefined for anyone who is not staff. */
export const roleOf = (roster: Roster, address: string): Role | undefined =>
  roster.get(address.trim().toLowerCase())

/** What each role may open. */
export const may = {
  desk: (role: Role | undefined) => role === 'editor',
  signups: (role: Role | undefined) => role === 'editor' || role === 'marketing',
  /** The newsletter desk: preview, test, send, pause; readers' requests. */
  newsletter: (role: Role | undefined) => role === 'editor' || role === 'marketing',
  /** What every link brought: views, visitors, sources, campaigns. */
  analytics: (role: Role | undefined) => role === 'editor' || role === 'marketing',
}
