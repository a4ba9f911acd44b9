import { editorStorage } from '@/lib/editor/storage'
import { editorJson, editorNotFound } from '@/lib/editor/responses'
import { saveStill } from '@/lib/editor/stills'

export const dynamic = 'force-dynamic'

/** Uploads a still into public/images/stills/ (local storage only: `npm run dev`). */
export async function POST(request: Request): Promise<Response> {
  if (editorStorage()?.kind !== 'local') return editorNotFound()
  const form = await request.formData().catch(() => undefined)
  if (!form) return editorJson(400, { error: 'Send the picture as multipart form data.' })
  const saved = await saveStill(form.get('file'))
  return saved.ok
    ? editorJson(201, { src: saved.src })
    : editorJson(saved.status, { error: saved.error })
}
