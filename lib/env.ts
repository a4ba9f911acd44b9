import { z } from 'zod'

/** An empty variable (as .env files often leave them) counts as unset. */
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v)

/**
 * Every environment variable the site reads, validated once. Each has an embedded
 * default so that `npm start` on a fresh machine needs no configuration.
 */
const schema = z.object({
  SITE_URL: z.url().default('http://localhost:3000'),
  /** Signs preview links. Unset: preview is off. Server-only: never NEXT_PUBLIC_. */
  PREVIEW_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** PostgreSQL for newsletter signups. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  /** Where the embedded database keeps its files, relative to the project unless absolute. */
  DATA_DIR: z.preprocess(blankIsUnset, z.string().default('data')),
  /** Newsletter signups accepted per client address in each window. */
  NEWSLETTER_RATE_LIMIT: z.preprocess(blankIsUnset, z.coerce.number().int().positive().default(5)),
  NEWSLETTER_RATE_WINDOW_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().positive().default(60),
  ),
  /**
   * How many reverse proxies in front of `next start` append the client address to
   * X-Forwarded-For. 0: clients connect directly and the header they send is not believed.
   */
  TRUSTED_PROXIES: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(10).default(0)),
  /** The mail server, `smtp://` or `smtps://` with credentials. Unset: mail is written to DATA_DIR/outbox/. */
  SMTP_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, { message: 'must be an smtp:// or smtps:// URL' })
      .optional(),
  ),
  /** Who the site's mail is from. */
  MAIL_FROM: z.preprocess(
    blankIsUnset,
    z.string().min(3).default('Intertitle <newsletter@localhost>'),
  ),
  /** New-issue emails sent per second, across every sender. */
  NEWSLETTER_SEND_RATE: z.preprocess(blankIsUnset, z.coerce.number().positive().default(10)),
  /** How long a sender may hold one email before another takes it over (its sender died). */
  NEWSLETTER_SEND_LEASE_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(1).default(120),
  ),
  /** How long an email waits after a temporary failure (the mail server down) before a retry. */
  NEWSLETTER_SEND_RETRY_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(1).default(30),
  ),
  /** How many of the newest reviews `next build` prerenders (and the listing pages showing them). */
  PRERENDERED_REVIEWS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(200)),
  /**
   * The browser editor in production (GitHub mode; under `next dev` it writes local files).
   * Unset repository: /keystatic and /api/keystatic answer 404. Read in the browser too.
   */
  NEXT_PUBLIC_KEYSTATIC_GITHUB_REPO: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, { message: 'must be owner/name' })
      .optional(),
  ),
  /** The GitHub App's OAuth client id and secret, and a secret of ours that signs its cookies. */
  KEYSTATIC_GITHUB_CLIENT_ID: z.preprocess(blankIsUnset, z.string().optional()),
  KEYSTATIC_GITHUB_CLIENT_SECRET: z.preprocess(blankIsUnset, z.string().optional()),
  KEYSTATIC_SECRET: z.preprocess(
    blankIsUnset,
    z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  ),
  /** The GitHub App's slug (lets an editor without push rights be offered a fork). */
  NEXT_PUBLIC_KEYSTATIC_GITHUB_APP_SLUG: z.preprocess(blankIsUnset, z.string().optional()),
  /** How many days raw page-view events are kept (their daily rollups are kept for ever). */
  ANALYTICS_RETENTION_DAYS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(2).max(3660).default(30),
  ),
  /** Page views counted per visitor (a day's hash) per minute; more are refused with a 429. */
  ANALYTICS_VIEWS_PER_MINUTE: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().positive().default(30),
  ),
  /**
   * How long one answer to "most read this week" stands before the database is asked again (per
   * server; pages regenerate every 30 s on top of it). A test waits seconds, not five minutes.
   */
  ANALYTICS_MOST_READ_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(1).max(86_400).default(300),
  ),
})

const parsed = schema.safeParse(process.env)
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
  throw new Error(`Invalid environment variables:\n${problems}`)
}

export const env = parsed.data
