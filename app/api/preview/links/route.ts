import { getReview, getUnpublishedReview } from '@/lib/content'
import { services } from '@/lib/services'
import { env } from '@/lib/env'
import { createLink, liveLinks, MAX_LINK_SECONDS } from '@/lib/preview/links'
import { bodyOf, fromScript, json } from '@/lib/preview/script-access'
import { absoluteUrl } from '@/lib/site'

export const dynamic = 'force-dynamic'

const denied = () => json(401, { error: 'Send the server’s PREVIEW_SECRET as a bearer token.' })

/** Lists the live share links (for scripts). */
export async function GET(request: Request) {
  if (!fromScript(request)) return denied()
  const links = await liveLinks(await services().database())
  return json(200, { links })
}

/** Makes a share link for one piece: `{ slug, seconds, createdBy? }`. */
export async function POST(request: Request) {
  if (!fromScript(request)) return denied()
  const body = await bodyOf(request)
  const slug = body?.slug
  const seconds = body?.seconds
  const createdBy = body?.createdBy ?? 'npm run preview-link'
  if (typeof slug !== 'string' || !/^[a-z0-9-]{1,200}$/.test(slug))
    return json(400, { error: 'slug must be the slug of a review' })
  if (typeof seconds !== 'number' || !(seconds >= 1 && seconds <= MAX_LINK_SECONDS))
    return json(400, { error: `seconds must be a number from 1 to ${MAX_LINK_SECONDS}` })
  if (typeof createdBy !== 'string' || createdBy.length < 1 || createdBy.length > 254)
    return json(400, { error: 'createdBy must be a name or address of up to 254 characters' })
  if (!getReview(slug, { preview: true })) return json(404, { error: `No review "${slug}"` })
  if (!getUnpublishedReview(slug))
    return json(409, { error: `"${slug}" is published: share its public address instead` })
  const { link, path } = await createLink(await services().database(), env.PREVIEW_SECRET!, {
    slug,
    seconds,
    createdBy,
  })
  return json(201, { link, path, url: absoluteUrl(path) })
}
