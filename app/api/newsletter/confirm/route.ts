import { services } from '@/lib/services'
import { linkToken } from '@/lib/newsletter/reader-links'
import { plain, postedForm, seeOther } from '@/lib/http'

export const dynamic = 'force-dynamic'

/** The Confirm button of /newsletter/confirm: confirms the address its live link was sent to. */
export async function POST(request: Request) {
  const token = linkToken((await postedForm(request))?.get('t'))
  if (!token) return plain(400, 'Bad request: a confirmation needs the token from its link.')
  const result = await (await services().subscriberStore()).confirm(token)
  // An expired link goes back to its page, which says so and how to get a new one.
  return seeOther(
    result === 'confirmed'
      ? '/newsletter/confirm?status=confirmed'
      : `/newsletter/confirm?t=${encodeURIComponent(token)}`,
  )
}
