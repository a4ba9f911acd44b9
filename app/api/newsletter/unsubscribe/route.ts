import type { NextRequest } from 'next/server'
import { ONE_CLICK } from '@/lib/newsletter/emails/links'
import { services } from '@/lib/services'
import { linkToken } from '@/lib/newsletter/reader-links'
import { plain, postedForm, seeOther } from '@/lib/http'

export const dynamic = 'force-dynamic'

const pageOf = (token: string) => `/newsletter/unsubscribe?t=${encodeURIComponent(token)}`

/** Someone opened the List-Unsubscribe address itself: the page with the button. */
export function GET(request: NextRequest) {
  const token = linkToken(request.nextUrl.searchParams.get('t'))
  return seeOther(token ? pageOf(token) : '/newsletter/unsubscribe')
}

/**
 * RFC 8058 one-click unsubscribe: a POST of `List-Unsubscribe=One-Click` to the address in the
 * List-Unsubscribe header, with no cookies and no page, unsubscribes at once. The page's own
 * button posts the same, and is then shown what happened.
 */
export async function POST(request: NextRequest) {
  const token = linkToken(request.nextUrl.searchParams.get('t'))
  const form = await postedForm(request)
  if (!token || form?.get('List-Unsubscribe') !== ONE_CLICK['List-Unsubscribe'])
    return plain(400, 'Bad request: post List-Unsubscribe=One-Click to the address in the email.')
  if (!(await (await services().subscriberStore()).unsubscribe(token)))
    return plain(404, 'This unsubscribe link belongs to no subscription.')
  const person = request.headers.get('sec-fetch-dest') === 'document'
  return person
    ? seeOther('/newsletter/unsubscribe?status=unsubscribed')
    : plain(200, 'Unsubscribed.')
}
