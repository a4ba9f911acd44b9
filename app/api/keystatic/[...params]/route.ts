import { makeRouteHandler } from '@keystatic/next/route-handler'
import type { SaveRequest } from '@/lib/editor/save-check'
import { checkSaveInChild } from '@/lib/editor/save-check-process'
import { editorStorage } from '@/lib/editor/storage'
import { EDITOR_HEADERS, editorNotFound, withEditorHeaders } from '@/lib/editor/responses'
import config from '../../../../keystatic.config'

export const dynamic = 'force-dynamic'

const keystatic = makeRouteHandler({ config })

/**
 * A save to local files (`npm run dev`) is refused when the content check finds a problem in
 * the files it writes; the editor shows the check's own lines. Anything unreadable is left to
 * Keystatic, which answers 400.
 */
async function refusal(request: Request): Promise<Response | undefined> {
  if (!new URL(request.url).pathname.endsWith('/api/keystatic/update')) return undefined
  const save = (await request
    .clone()
    .json()
    .catch(() => undefined)) as SaveRequest | undefined
  if (!save || !Array.isArray(save.additions) || !Array.isArray(save.deletions)) return undefined
  const problems = await checkSaveInChild(save)
  if (problems.length === 0) return undefined
  return new Response(`The content check refused this save:\n${problems.join('\n')}`, {
    status: 422,
    headers: { ...EDITOR_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** Keystatic's API (local file reads and writes, or the GitHub sign-in); a 404 when the editor is off. */
async function handle(request: Request, method: 'GET' | 'POST'): Promise<Response> {
  const storage = editorStorage()
  if (!storage) return editorNotFound()
  if (method === 'POST' && storage.kind === 'local') {
    const refused = await refusal(request)
    if (refused) return refused
  }
  return withEditorHeaders(await keystatic[method](request))
}

export const GET = (request: Request) => handle(request, 'GET')
export const POST = (request: Request) => handle(request, 'POST')
