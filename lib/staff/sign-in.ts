/** What the sign-in form and its Server Action share. Safe to import from the client. */

/** How long an emailed sign-in link works, and how long a session lasts without use. */
export const SIGN_IN_LINK_MINUTES = 15
export const SESSION_DAYS = 7

export type SignInState =
  | { status: 'idle'; email?: string }
  | { status: 'sent'; email: string }
  | { status: 'invalid'; email: string; message: string }
  | { status: 'limited'; email: string; message: string }

export const signInMessages = {
  sent: `If that address is on the staff list, a sign-in link is on its way to it. The link works for ${SIGN_IN_LINK_MINUTES} minutes.`,
  invalid: 'Enter your email address, like name@example.com.',
  limited: (minutes: number) =>
    `Too many sign-in links have been asked for. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
}
