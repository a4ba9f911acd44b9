import { draftMode } from 'next/headers'
import type { NextRequest } from 'next/server'
import { siteDatabase } from '@/lib/db/site-database'
import { env } from '@/lib/env'
import { previewTarget } from '@/lib/editor/preview'
import { editorJson, editorNotFound, EDITOR_HEADERS } from '@/lib/editor/responses'
import { editorStorage } from '@/lib/editor/storage'
import { createLink } from '@/lib/preview/links'

export const dynamic = 'force-dynamic'

/**
 * Can this browser's GitHub sign-in (the token Keystatic keeps in a cookie) push to the
 * content repository? Asked of GitHub on each preview, so a revoked editor loses it at once.
 */
async function canEdit(request: NextRequest, repo: string): Promise<boolean> {
  const token = request.cookies.get('keystatic-gh-access-token')?.value
  if (!token) return false
  const answer = await fetch(`https://api.github.com/repos/${repo}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json' },
    cache: 'no-store',
  }).catch(() => undefined)
  if (!answer?.ok) return false
  const body = (await answer.json().catch(() => ({}))) as { permissions?: { push?: boolean } }
  return body.permissions?.push === true
}

/** The preview link of a piece in the editor (Keystatic's previewUrl). */
export async function GET(
  request: NextRequest,
  { params }: RouteContext<'/api/keystatic/preview/[collection]/[slug]'>,
) {
  const storage = editorStorage()
  if (!storage) return editorNotFound()
  const { collection, slug } = await params
  const dev = storage.kind === 'local'
  const target = previewTarget(collection, slug, { dev, secret: env.PREVIEW_SECRET })
  if (!target) return editorNotFound()
  if (storage.kind === 'github' && !(await canEdit(request, storage.repo)))
    return editorJson(403, { error: 'Sign in to the editor with GitHub first.' })
  if (target.kind === 'off')
    return editorJson(403, { error: 'Preview is off: PREVIEW_SECRET is not set.' })
  let location: string
  if (target.kind === 'link') {
    const db = await siteDatabase()
    location = (
      await createLink(db, target.secret, { slug, seconds: 3600, createdBy: 'the editor' })
    ).path
  } else {
    if (target.draft) (await draftMode()).enable()
    location = target.url
  }
  return new Response(null, { status: 307, headers: { ...EDITOR_HEADERS, Location: location } })
}
