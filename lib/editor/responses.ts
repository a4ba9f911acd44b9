/** Headers on every editor response: never stored by a cache, never indexed. */
export const EDITOR_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
} as const

export function withEditorHeaders(response: Response): Response {
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries(EDITOR_HEADERS)) headers.set(name, value)
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}

export function editorJson(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: EDITOR_HEADERS })
}

export const editorNotFound = () => editorJson(404, { error: 'Not found' })
