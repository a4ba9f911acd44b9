import { getMigrations } from 'better-auth/db/migration'
import { describe, expect, it } from 'vitest'
import { bothDatabases } from '@/scripts/testing/databases'
import { createStaffAuth, STAFF_AUTH_PATH, VERIFY_PER_MINUTE } from './auth'
import { answerStaffAuth, EXPOSED_AUTH_ENDPOINTS } from './auth-route'
import { parseRoster, type Roster } from './roster'
import { staffMember } from './session'

const backends = bothDatabases()

const staffList = parseRoster(
  'staff:\n  - { address: Ed@Intertitle.example, role: editor }\n  - { address: mo@intertitle.example, role: marketing }\n',
)

/** The Cookie header a browser would send back after these Set-Cookie headers. */
const cookieFrom = (response: Response) =>
  new Headers({
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  })

for (const [name, open] of backends) {
  describe(`staff sign-in on ${name}`, { timeout: 120_000 }, () => {
    const ready = open()
    let roster: Roster = staffList
    const sent: { to: string; url: string }[] = []
    const auth = createStaffAuth({
      database: () => ready,
      secret: 'a-test-secret-of-enough-length',
      siteUrl: 'http://localhost:3000',
      roster: () => roster,
      sendLink: (to, url) => void sent.push({ to, url }),
    })
    const ask = (email: string) =>
      auth.api.signInMagicLink({ body: { email, callbackURL: '/staff' }, headers: new Headers() })
    const follow = (url: string) => auth.handler(new Request(url))

    it('has the schema Better Auth expects: migration 4 leaves it nothing to create or add', async () => {
      await ready
      const { toBeCreated, toBeAdded } = await getMigrations(auth.options)
      expect(toBeCreated).toEqual([])
      expect(toBeAdded).toEqual([])
    })

    it('sends a link to staff alone; it signs in once, with an HttpOnly, SameSite=Lax cookie', async () => {
      const db = await ready
      await ask('someone@example.com')
      expect(sent).toEqual([])
      await ask('ed@intertitle.example')
      expect(sent.map((s) => s.to)).toEqual(['ed@intertitle.example'])
      const link = new URL(sent[0]!.url)
      expect(link.pathname).toBe('/api/staff/auth/magic-link/verify')
      // Only a hash of the token is stored.
      const stored = await db.query<{ identifier: string }>(
        'select identifier from staff_verifications',
      )
      expect(stored.map((r) => r.identifier).join()).not.toContain(link.searchParams.get('token'))

      const signedIn = await follow(link.href)
      expect(signedIn.status).toBe(302)
      expect(signedIn.headers.get('location')).toBe('http://localhost:3000/staff')
      const cookie = signedIn.headers.getSetCookie().find((c) => c.includes('session_token'))
      expect(cookie).toMatch(/^intertitle-staff\.session_token=/)
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
      expect(cookie).toMatch(/Max-Age=604800/)
      expect(cookie).not.toMatch(/Secure/i)
      expect(await staffMember(auth, cookieFrom(signedIn), () => roster)).toMatchObject({
        email: 'ed@intertitle.example',
        role: 'editor',
      })

      const again = await follow(link.href)
      expect(again.headers.get('location')).toContain('error=INVALID_TOKEN')
      expect(again.headers.getSetCookie().join()).not.toContain('session_token=')
      // Nobody but staff has an account.
      const users = await db.query<{ email: string }>('select email from staff_users')
      expect(users.map((u) => u.email)).toEqual(['ed@intertitle.example'])
    })

    it('ends sessions on sign-out and when the address leaves the staff list', async () => {
      const signIn = async (email: string) => {
        sent.length = 0
        await ask(email)
        return cookieFrom(await follow(sent[0]!.url))
      }
      const first = await signIn('mo@intertitle.example')
      expect((await staffMember(auth, first, () => roster))?.role).toBe('marketing')
      await auth.api.signOut({ headers: first })
      expect(await staffMember(auth, first, () => roster)).toBeUndefined()

      const [a, b] = [await signIn('mo@intertitle.example'), await signIn('mo@intertitle.example')]
      roster = new Map([...staffList].filter(([address]) => !address.startsWith('mo@')))
      expect(await staffMember(auth, a, () => roster)).toBeUndefined()
      // Put back on the list, the old sessions stay ended: both were removed.
      roster = staffList
      expect(await staffMember(auth, a, () => roster)).toBeUndefined()
      expect(await staffMember(auth, b, () => roster)).toBeUndefined()
      // An unreadable list lets nobody in.
      const c = await signIn('mo@intertitle.example')
      const broken = () => {
        throw new Error('content/staff.yaml is not valid YAML')
      }
      expect(await staffMember(auth, c, broken)).toBeUndefined()
      expect(await staffMember(auth, c, () => roster)).toMatchObject({ role: 'marketing' })
    })

    it("answers over HTTP only the emailed link's verification: every other endpoint is a 404", async () => {
      const db = await ready
      const endpoints = Object.values(auth.api).flatMap((endpoint) => {
        const { path, options } = endpoint as { path?: string; options?: { method?: unknown } }
        return path ? [options?.method ?? 'GET'].flat().map((method) => `${method} ${path}`) : []
      })
      // Better Auth has many; a new release may add more, which the site then refuses too.
      expect(endpoints.length).toBeGreaterThan(25)
      expect(endpoints).toContain('POST /sign-in/magic-link')
      const answered: string[] = []
      for (const endpoint of endpoints) {
        const [method, path] = endpoint.split(' ') as [string, string]
        const url = `http://localhost:3000${STAFF_AUTH_PATH}${path.replace(/:\w+/g, 'x')}`
        const body =
          method === 'GET' ? undefined : JSON.stringify({ email: 'ed@intertitle.example' })
        const response = await answerStaffAuth(
          auth,
          new Request(url, { method, body, headers: { 'content-type': 'application/json' } }),
          0,
        )
        if (response.status !== 404) answered.push(endpoint)
      }
      expect(answered).toEqual([...EXPOSED_AUTH_ENDPOINTS])
      // With staff sign-in off, nothing answers.
      const off = await answerStaffAuth(
        undefined,
        new Request(`http://localhost:3000${STAFF_AUTH_PATH}/magic-link/verify?token=x`),
        0,
      )
      expect(off.status).toBe(404)
      // The red team's repros: eight link requests and an 8 MB address mail no one, store nothing.
      sent.length = 0
      const before = await db.query<{ n: number }>(
        'select count(*)::int as n from staff_verifications',
      )
      for (const email of [
        ...Array<string>(8).fill('ed@intertitle.example'),
        `${'a'.repeat(8 << 20)}@x.example`,
      ]) {
        const response = await answerStaffAuth(
          auth,
          new Request(`http://localhost:3000${STAFF_AUTH_PATH}/sign-in/magic-link`, {
            method: 'POST',
            body: JSON.stringify({ email, name: 'x'.repeat(1000) }),
            headers: { 'content-type': 'application/json' },
          }),
          0,
        )
        expect(response.status).toBe(404)
      }
      expect(sent).toEqual([])
      expect(await db.query('select count(*)::int as n from staff_verifications')).toEqual(before)
    })

    it("limits opening links per client with Better Auth's own limiter, counted in the database", async () => {
      const db = await ready
      await db.query('delete from staff_rate_limits')
      const open = (forwardedFor: string, trustedProxies: number) =>
        answerStaffAuth(
          auth,
          new Request(
            `http://localhost:3000${STAFF_AUTH_PATH}/magic-link/verify?token=nosuchtoken`,
            {
              headers: { 'x-forwarded-for': forwardedFor, 'x-intertitle-client-ip': '192.0.2.99' },
            },
          ),
          trustedProxies,
        )
      // Behind no trusted proxy, a made-up X-Forwarded-For (or the site's own header) is no way out.
      const statuses: number[] = []
      for (let i = 0; i < VERIFY_PER_MINUTE + 1; i++)
        statuses.push((await open(`203.0.113.${i}`, 0)).status)
      expect(statuses.slice(0, VERIFY_PER_MINUTE).every((s) => s === 302)).toBe(true)
      expect(statuses.at(-1)).toBe(429)
      const rows = await db.query<{ key: string; count: number }>(
        'select key, count from staff_rate_limits',
      )
      expect(rows).toEqual([{ key: '0.0.0.0|/magic-link/verify', count: VERIFY_PER_MINUTE }])
      // Behind a trusted proxy, each client counts on its own.
      expect((await open('198.51.100.7', 1)).status).toBe(302)
    })
  })
}

describe('staff sign-in on a public address', { timeout: 120_000 }, () => {
  it('sets Secure cookies outside localhost', async () => {
    const db = await backends[0]![1]()
    let url = ''
    const auth = createStaffAuth({
      database: async () => db,
      secret: 'a-test-secret-of-enough-length',
      siteUrl: 'https://intertitle.example',
      roster: () => staffList,
      sendLink: (_to, link) => void (url = link),
    })
    await auth.api.signInMagicLink({
      body: { email: 'ed@intertitle.example', callbackURL: '/staff' },
      headers: new Headers(),
    })
    const response = await auth.handler(new Request(url))
    const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token'))
    expect(cookie).toMatch(/^__Secure-intertitle-staff\.session_token=.*Secure/i)
  })
})
