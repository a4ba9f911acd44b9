import { z } from 'zod'
import { normaliseEmail } from './email'
import { fields, messages, utmField, utmKeys, type FieldErrors, type UtmKey } from './form'

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,119}$/)
  .optional()
  .catch(undefined)

/** A site path as the form reports it; anything else is dropped rather than stored. */
const path = z
  .string()
  .regex(/^\/[A-Za-z0-9/_-]{0,199}$/)
  .optional()
  .catch(undefined)

/** Campaign values arrive from URLs anyone can write: short, printable, or not at all. */
const utmValue = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\p{Cc}]*$/u)
  .transform((v) => v || undefined)
  .optional()
  .catch(undefined)

const email = z
  .string({ error: messages.emailMissing })
  .transform(normaliseEmail)
  .pipe(
    z
      .string()
      .min(1, { error: messages.emailMissing })
      .max(254, { error: messages.emailInvalid })
      .pipe(z.email({ error: messages.emailInvalid })),
  )

export const signupSchema = z.object({
  email,
  consent: z.literal(true, { error: messages.consentMissing }),
  sourcePath: path,
  sourceReview: slug,
  sourceIssue: slug,
  utm: z.object(
    Object.fromEntries(utmKeys.map((k) => [k, utmValue])) as Record<UtmKey, typeof utmValue>,
  ),
})

export type Signup = z.infer<typeof signupSchema>

/** What the form posted, before validation: the raw strings, read once. */
export type SignupForm = {
  email: string
  consent: boolean
  honeypot: string
  sourcePath?: string
  sourceReview?: string
  sourceIssue?: string
  utm: Partial<Record<UtmKey, string>>
}

export function readSignupForm(data: FormData): SignupForm {
  const text = (name: string) => {
    const value = data.get(name)
    return typeof value === 'string' ? value : undefined
  }
  return {
    email: text(fields.email) ?? '',
    consent: data.has(fields.consent),
    honeypot: text(fields.honeypot) ?? '',
    sourcePath: text(fields.sourcePath),
    sourceReview: text(fields.sourceReview),
    sourceIssue: text(fields.sourceIssue),
    utm: Object.fromEntries(utmKeys.map((k) => [k, text(utmField(k))]).filter(([, v]) => v)),
  }
}

export type SignupParse = { ok: true; signup: Signup } | { ok: false; errors: FieldErrors }

export function parseSignup(form: SignupForm): SignupParse {
  const result = signupSchema.safeParse(form)
  if (result.success) return { ok: true, signup: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0]
    if ((field === 'email' || field === 'consent') && !errors[field]) errors[field] = issue.message
  }
  return { ok: false, errors }
}
