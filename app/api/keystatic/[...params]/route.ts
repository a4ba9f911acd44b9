import { makeRouteHandler } from '@keystatic/next/route-handler'
import { editorEnabled } from '@/lib/editor/storage'
import { editorNotFound, withEditorHeaders } from '@/lib/editor/responses'
import config from '../../../../keystatic.config'

export const dynamic = 'force-dynamic'

const keystatic = makeRouteHandler({ config })

/** Keystatic's API (local file reads and writes, or the GitHub sign-in); a 404 when the editor is off. */
async function handle(request: Request, method: 'GET' | 'POST'): Promise<Response> {
  if (!editorEnabled()) return editorNotFound()
  return withEditorHeaders(await keystatic[method](request))
}

export const GET = (request: Request) => handle(request, 'GET')
export const POST = (request: Request) => handle(request, 'POST')
