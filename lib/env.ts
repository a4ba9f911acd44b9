import { z } from 'zod'

/**
 * Every environment variable the site reads, validated once. Each has an embedded
 * default so that `npm start` on a fresh machine needs no configuration.
 */
const schema = z.object({
  SITE_URL: z.url().default('http://localhost:3000'),
  /** Signs preview links. Unset: preview is off. Server-only: never NEXT_PUBLIC_. */
  PREVIEW_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
})

const parsed = schema.safeParse(process.env)
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
  throw new Error(`Invalid environment variables:\n${problems}`)
}

export const env = parsed.data
