import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

export const dynamic = 'force-dynamic'

/** Leaves preview: the browser sees only what readers see again. */
export async function GET() {
  ;(await draftMode()).disable()
  redirect('/')
}
