import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '@/lib/security/rate-limit'
import { requestSignIn } from './request-sign-in'
import { signInMessages } from './sign-in'

function setUp() {
  const sent: string[] = []
  const deps = {
    limiter: createRateLimiter({ limit: 5, windowMs: 10 * 60_000 }),
    isStaff: (email: string) => email.toLowerCase() === 'ed@intertitle.example',
    sendLink: async (email: string) => void sent.push(email),
  }
  return {
    sent,
    ask: (email: string, client = '192.0.2.1') => requestSignIn({ email, client }, deps),
  }
}

describe('asking for a sign-in link', () => {
  it('answers staff and everyone else alike, and sends the link to staff alone', async () => {
    const { sent, ask } = setUp()
    const staff = await ask(' Ed@Intertitle.example ')
    const outsider = await ask('reader@example.com')
    expect(staff).toEqual({ status: 'sent', email: 'Ed@Intertitle.example' })
    expect(outsider).toEqual({ status: 'sent', email: 'reader@example.com' })
    expect(sent).toEqual(['Ed@Intertitle.example'])
  })

  it('names a malformed address beside the field and sends nothing', async () => {
    const { sent, ask } = setUp()
    for (const email of ['', 'ed', 'ed@', `${'x'.repeat(250)}@intertitle.example`])
      expect(await ask(email)).toMatchObject({ status: 'invalid', message: signInMessages.invalid })
    expect(sent).toEqual([])
  })

  it('limits each client and each address asked for to 5 in 10 minutes', async () => {
    const { sent, ask } = setUp()
    for (let i = 0; i < 5; i++) expect((await ask('ed@intertitle.example')).status).toBe('sent')
    // The address is used up, from any client.
    const limited = await ask('ed@intertitle.example', '198.51.100.7')
    expect(limited).toMatchObject({ status: 'limited', message: signInMessages.limited(2) })
    expect(sent).toHaveLength(5)
    // And one client cannot go through addresses either.
    for (let i = 0; i < 5; i++)
      expect((await ask(`r${i}@example.com`, '203.0.113.9')).status).toBe('sent')
    expect((await ask('r9@example.com', '203.0.113.9')).status).toBe('limited')
  })
})
