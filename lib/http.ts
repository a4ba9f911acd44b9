import { isFormType } from '@/lib/front-door/refusal.mjs'

/** What the site's route handlers share: reading a posted form, and the plain answers they give. */

/** The posted form, or undefined when the body is not one (a malformed request: 400). */
export async function postedForm(request: Request): Promise<FormData | undefined> {
  if (!isFormType(request.headers.get('content-type'))) return undefined
  try {
    return await request.formData()
  } catch {
    return undefined
  }
}

/** A plain-text answer that no cache keeps. */
export function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}

/** "See other": after a form post, the browser GETs the page that says what happened. */
export function seeOther(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store' },
  })
}
