import { createHmac } from 'node:crypto'
import { betterAuth } from 'better-auth'
import { magicLink } from 'better-auth/plugins/magic-link'
import { nextCookies } from 'better-auth/next-js'
import type { Queryable } from '@/lib/db'
import { siteDialect } from '@/lib/db/kysely'
import type { Roster } from './roster'
import { roleOf } from './roster'
import { SESSION_DAYS, SIGN_IN_LINK_MINUTES } from './sign-in'

/** Where Better Auth answers: the emailed link's verification alone (lib/staff/auth-route.ts). */
export const STAFF_AUTH_PATH = '/api/staff/auth'

/**
 * The header Better Auth reads the client's address from: set by the site's route from the
 * trusted proxies' X-Forwarded-For (lib/security/client-address.ts), whatever the client sent.
 */
export const CLIENT_IP_HEADER = 'x-intertitle-client-ip'

/** How often one client may open sign-in links, a minute (tokens are not guessable; this spares the database). */
export const VERIFY_PER_MINUTE = 30

// Browsers keep Secure cookies over plain HTTP only on these, so a developer's machine gets plain ones.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
export const isLocalHost = (url: string) => LOCAL_HOSTS.has(new URL(url).hostname)

export type StaffAuthConfig = {
  database: () => Promise<Queryable>
  /** The site's PREVIEW_SECRET: sessions are signed with a key derived from it. */
  secret: string
  siteUrl: string
  /** The staff list as it is now (read afresh: removing someone takes effect at once). */
  roster: () => Roster
  /** Sends the sign-in link to a member of staff (never called for anyone else). */
  sendLink: (to: string, url: string) => void | Promise<void>
}

/**
 * Staff sign-in: Better Auth with its magic-link plugin, on the site's database (the `staff_*`
 * tables of migration 4) through our own connection. Sessions live in the database, so signing
 * out or leaving the staff list ends them; the cookie is HttpOnly, SameSite=Lax, and Secure
 * everywhere but a developer's own machine. Only addresses on the staff list are ever sent a link
 * or given an account.
 */
export function createStaffAuth(config: StaffAuthConfig) {
  const isStaff = (address: string) => roleOf(config.roster(), address) !== undefined
  return betterAuth({
    appName: 'Intertitle staff',
    baseURL: config.siteUrl,
    basePath: STAFF_AUTH_PATH,
    secret: createHmac('sha256', config.secret).update('staff sessions').digest('base64url'),
    trustedOrigins: [new URL(config.siteUrl).origin],
    database: { dialect: siteDialect(config.database), type: 'postgres' },
    emailAndPassword: { enabled: false },
    // Asking for a link is limited by the sign-in form itself (lib/staff/request-sign-in.ts);
    // what Better Auth answers over HTTP (lib/staff/auth-route.ts) by its own limiter, counted in
    // the site's database so that every instance shares it, per client as the site tells them apart.
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'staff_rate_limits',
      window: 60,
      max: VERIFY_PER_MINUTE,
      customRules: { '/magic-link/verify': { window: 60, max: VERIFY_PER_MINUTE } },
    },
    telemetry: { enabled: false },
    session: {
      modelName: 'staff_sessions',
      expiresIn: SESSION_DAYS * 24 * 3600,
      updateAge: 24 * 3600,
      // No cookie cache: every request asks the database, so a revoked session ends at once.
      cookieCache: { enabled: false },
    },
    user: { modelName: 'staff_users' },
    account: { modelName: 'staff_accounts' },
    verification: { modelName: 'staff_verifications' },
    advanced: {
      cookiePrefix: 'intertitle-staff',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: !isLocalHost(config.siteUrl),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    databaseHooks: {
      user: {
        create: {
          // The link is only ever sent to staff; this keeps it so if that ever changes.
          before: async (user) => (isStaff(user.email) ? { data: user } : false),
        },
      },
    },
    plugins: [
      magicLink({
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        storeToken: 'hashed',
        sendMagicLink: async ({ email, url }) => {
          if (isStaff(email)) await config.sendLink(email, url)
        },
      }),
      nextCookies(),
    ],
  })
}

export type StaffAuth = ReturnType<typeof createStaffAuth>
