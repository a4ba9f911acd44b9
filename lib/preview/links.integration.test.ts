import { describe, expect, it } from 'vitest'
import { bothDatabases } from '@/scripts/testing/databases'
import { checkPreview } from './signed-link'
import { createLink, liveLink, liveLinks, revokeLink } from './links'

const secret = 'a-test-secret-of-enough-length'
const now = Date.UTC(2026, 0, 1, 12)
const params = (path: string) => new URL(path, 'http://x').searchParams

const backends = bothDatabases()

for (const [name, open] of backends) {
  // Opening a database takes its time on a busy machine; nothing here measures speed.
  describe(`share links on ${name}`, { timeout: 120_000 }, () => {
    const ready = open()

    it('records a link whose signed path names it and its piece', async () => {
      const db = await ready
      const { link, path } = await createLink(
        db,
        secret,
        { slug: 'a-draft', seconds: 3600, createdBy: 'editor@example.com' },
        now,
      )
      expect(link).toMatchObject({ slug: 'a-draft', createdBy: 'editor@example.com' })
      expect(link.expiresAt.getTime()).toBe(now + 3600 * 1000)
      expect(checkPreview(params(path), secret, now)).toEqual({
        ok: true,
        id: link.id,
        slug: 'a-draft',
        exp: (now + 3600 * 1000) / 1000,
      })
      expect(await liveLink(db, link.id, 'a-draft', now)).toEqual(link)
      expect(await liveLink(db, link.id, 'another-draft', now)).toBeUndefined()
    })

    it('is live until it expires', async () => {
      const db = await ready
      const { link } = await createLink(db, secret, { slug: 'a', seconds: 5, createdBy: 'x' }, now)
      expect(await liveLink(db, link.id, 'a', now + 4000)).toBeDefined()
      expect(await liveLink(db, link.id, 'a', now + 5000)).toBeUndefined()
      expect((await liveLinks(db, now + 5000)).map((l) => l.id)).not.toContain(link.id)
    })

    it('is dead once revoked, and revoking twice says so', async () => {
      const db = await ready
      const { link } = await createLink(db, secret, { slug: 'b', seconds: 60, createdBy: 'x' }, now)
      expect((await liveLinks(db, now)).map((l) => l.id)).toContain(link.id)
      expect(await revokeLink(db, link.id, 'editor@example.com', now + 1000)).toBe(true)
      expect(await liveLink(db, link.id, 'b', now + 2000)).toBeUndefined()
      expect((await liveLinks(db, now + 2000)).map((l) => l.id)).not.toContain(link.id)
      expect(await revokeLink(db, link.id, 'editor@example.com', now + 3000)).toBe(false)
      expect(await revokeLink(db, 'NoSuchLinkAtAllHere', 'x', now)).toBe(false)
    })

    it('refuses a lifetime of nothing or of more than seven days', async () => {
      const db = await ready
      for (const seconds of [0, -1, 7 * 24 * 3600 + 1, Number.NaN])
        await expect(
          createLink(db, secret, { slug: 'c', seconds, createdBy: 'x' }, now),
        ).rejects.toThrow(RangeError)
    })
  })
}
