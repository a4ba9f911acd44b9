import type { Queryable } from '@/lib/db'
import { expiryIn, newLinkId, previewPath, previewToken } from './signed-link'

/** The lifetimes the desk offers; scripts may ask for any positive number of seconds up to the longest. */
export const LINK_LIFETIMES = { '2 hours': 2 * 3600, '1 day': 24 * 3600, '7 days': 7 * 24 * 3600 }
export const MAX_LINK_SECONDS = 7 * 24 * 3600

export type PreviewLink = {
  id: string
  slug: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  revokedAt: Date | null
}

type Row = {
  id: string
  slug: string
  created_by: string
  created_at: Date | string
  expires_at: Date | string
  revoked_at: Date | string | null
}

const toLink = (r: Row): PreviewLink => ({
  id: r.id,
  slug: r.slug,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
})

/** Records a share link for one piece and returns it with its signed path. */
export async function createLink(
  db: Queryable,
  secret: string,
  { slug, seconds, createdBy }: { slug: string; seconds: number; createdBy: string },
  now = Date.now(),
): Promise<{ link: PreviewLink; path: string }> {
  if (!(seconds > 0 && seconds <= MAX_LINK_SECONDS))
    throw new RangeError(`A link lasts between 1 second and ${MAX_LINK_SECONDS} seconds`)
  const id = newLinkId()
  const exp = expiryIn(seconds, now)
  const [row] = await db.query<Row>(
    `insert into preview_links (id, slug, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5) returning *`,
    [id, slug, createdBy, new Date(now), new Date(exp * 1000)],
  )
  const link = toLink(row!)
  return { link, path: sharePath(link, secret) }
}

/** The path that opens a recorded link (signed: it is the same path every time it is asked for). */
export const sharePath = (link: Pick<PreviewLink, 'id' | 'slug' | 'expiresAt'>, secret: string) =>
  previewPath(previewToken(link.id, link.slug, secret, Math.floor(link.expiresAt.getTime() / 1000)))

/** The link if it is on record, for this piece, not revoked and not expired. */
export async function liveLink(
  db: Queryable,
  id: string,
  slug: string,
  now = Date.now(),
): Promise<PreviewLink | undefined> {
  const [row] = await db.query<Row>(
    `select * from preview_links
     where id = $1 and slug = $2 and revoked_at is null and expires_at > $3`,
    [id, slug, new Date(now)],
  )
  return row ? toLink(row) : undefined
}

/** Every link that still opens its piece, soonest to expire first. */
export async function liveLinks(db: Queryable, now = Date.now()): Promise<PreviewLink[]> {
  const rows = await db.query<Row>(
    `select * from preview_links where revoked_at is null and expires_at > $1
     order by expires_at, id`,
    [new Date(now)],
  )
  return rows.map(toLink)
}

/** Revokes a link; false when there was no live link of that id. */
export async function revokeLink(
  db: Queryable,
  id: string,
  revokedBy: string,
  now = Date.now(),
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update preview_links set revoked_at = $2, revoked_by = $3
     where id = $1 and revoked_at is null and expires_at > $2 returning id`,
    [id, new Date(now), revokedBy],
  )
  return rows.length > 0
}
