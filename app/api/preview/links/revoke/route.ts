import { services } from '@/lib/services'
import { revokeLink } from '@/lib/preview/links'
import { bodyOf, fromScript, json } from '@/lib/preview/script-access'

export const dynamic = 'force-dynamic'

/** Revokes a share link: `{ id, revokedBy? }`. Whoever opened it loses access on their next request. */
export async function POST(request: Request) {
  if (!fromScript(request))
    return json(401, { error: 'Send the server’s PREVIEW_SECRET as a bearer token.' })
  const body = await bodyOf(request)
  const id = body?.id
  const revokedBy = body?.revokedBy ?? 'npm run preview-link'
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(id))
    return json(400, { error: 'id must be the id of a share link' })
  if (typeof revokedBy !== 'string' || revokedBy.length < 1 || revokedBy.length > 254)
    return json(400, { error: 'revokedBy must be a name or address of up to 254 characters' })
  const revoked = await revokeLink(await services().database(), id, revokedBy)
  return revoked ? json(200, { revoked: id }) : json(404, { error: 'No live link with that id' })
}
