import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { checkPreview, previewRefusals } from '@/lib/preview/signed-link'
import { refusalPage } from '@/lib/security/refusal-page'

export const dynamic = 'force-dynamic'

/** Opens a signed preview link: turns on Draft Mode for this browser, then shows the review. */
export async function GET(request: NextRequest) {
  const check = checkPreview(request.nextUrl.searchParams, env.PREVIEW_SECRET)
  if (!check.ok) {
    const { title, detail } = previewRefusals[check.reason]
    return refusalPage(check.status, title, detail)
  }
  ;(await draftMode()).enable()
  redirect(`/reviews/${check.slug}`)
}
