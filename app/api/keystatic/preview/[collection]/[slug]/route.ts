import { draftMode } from 'next/headers'
import type { NextRequest } from 'next/server'
import { previewTarget } from '@/lib/editor/preview'
import { editorNotFound, EDITOR_HEADERS } from '@/lib/editor/responses'
import { editorStorage } from '@/lib/editor/storage'

export const dynamic = 'force-dynamic'

/** The preview link of a piece in the editor (Keystatic's previewUrl). */
export async function GET(
  _request: NextRequest,
  { params }: RouteContext<'/api/keystatic/preview/[collection]/[slug]'>,
) {
  const storage = editorStorage()
  if (!storage) return editorNotFound()
  const { collection, slug } = await params
  const target = previewTarget(collection, slug, storage.kind === 'local')
  if (!target) return editorNotFound()
  if (target.draft) (await draftMode()).enable()
  return new Response(null, { status: 307, headers: { ...EDITOR_HEADERS, Location: target.url } })
}
