import type { NextRequest } from 'next/server'
import { plain } from '@/lib/http'
import { may } from '@/lib/staff/roster'
import { currentStaff } from '@/lib/staff/session'
import { periodOf, signupsCsv } from '@/lib/staff/signups'
import { reportFor } from '@/lib/staff/site-signups-report'

export const dynamic = 'force-dynamic'

/** The signups report as CSV, for the same period as the page it is linked from. */
export async function GET(request: NextRequest) {
  const staff = await currentStaff()
  if (!staff || !may.signups(staff.role))
    return plain(401, 'Sign in at /staff/sign-in to download the report.')
  const days = periodOf(request.nextUrl.searchParams.get('days'))
  const report = await reportFor(String(days))
  return new Response(signupsCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="intertitle-signups-${days}-days.csv"`,
      'cache-control': 'private, no-store',
    },
  })
}
