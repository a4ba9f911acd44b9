/**
 * What the signup form and its Server Action share. Safe to import from the client:
 * no zod, no database, just names, wording and the shape of the answer.
 */

/** Field names, so the form, the action and the tests agree. */
export const fields = {
  email: 'email',
  consent: 'consent',
  /** Hidden from people; bots that fill every field fill this one too. */
  honeypot: 'website',
  sourcePath: 'source_path',
  sourceReview: 'source_review',
  sourceIssue: 'source_issue',
} as const

export const utmKeys = ['source', 'medium', 'campaign', 'content', 'term'] as const
export type UtmKey = (typeof utmKeys)[number]
export const utmField = (key: UtmKey) => `utm_${key}` as const

/** The sentence a reader ticks; stored beside each signup as the record of what they agreed to. */
export const consentText =
  'Yes, email me the Intertitle newsletter. I can unsubscribe at any time with the link in every email.'
/** Stored with each consent: change it whenever consentText changes. */
export const consentVersion = '2026-12'

export const messages = {
  emailMissing: 'Enter your email address',
  emailInvalid: 'Enter a valid email address',
  consentMissing: 'Tick the box to say you would like the newsletter',
  problems: 'Please check the form:',
  // The same whether the address is new, pending or already on the list: it reveals nothing.
  thanks:
    'Thank you. Please check your inbox: to join the list, open the email we have sent and confirm your address. If you are already on the list, there is nothing more to do.',
  failed:
    'Sorry, we could not sign you up just now because of a problem on our side. Please try again in a few minutes.',
  busy: (retry: string) =>
    `We have had several sign-ups from your connection in a short time. Please try again ${retry}.`,
} as const

export type FieldErrors = Partial<Record<'email' | 'consent', string>>

/** The answer the action gives; the form renders it, with or without JavaScript. */
export type SignupState =
  | { status: 'idle' }
  | { status: 'invalid'; errors: FieldErrors; values: { email: string; consent: boolean } }
  | { status: 'busy'; message: string; values: { email: string; consent: boolean } }
  | { status: 'failed'; values: { email: string; consent: boolean } }
  | { status: 'thanks' }

export const idle: SignupState = { status: 'idle' }

/** Where the form sits: recorded with the signup so marketing can see what brought a reader. */
export type SignupSource = {
  /** The page's path, e.g. `/reviews/ballerina-2025`. */
  path: string
  review?: string
  issue?: string
}
