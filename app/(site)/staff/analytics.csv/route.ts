import type { NextRequest } from 'next/server'
import { siteReportFor, reviewReportFor } from '@/lib/analytics/site-report'
import { reviewTables, siteTables, tableCsv } from '@/lib/analytics/tables'
import { plain } from '@/lib/http'
import { may } from '@/lib/staff/roster'
import { currentStaff } from '@/lib/staff/session'

export const dynamic = 'force-dynamic'

/** One table of the analytics pages as CSV: `?table=` of the site's report, or of `?review=`'s. */
export async function GET(request: NextRequest) {
  const staff = await currentStaff()
  if (!staff || !may.analytics(staff.role))
    return plain(401, 'Sign in at /staff/sign-in to download the report.')
  const query = request.nextUrl.searchParams
  const name = query.get('table') ?? ''
  const review = query.get('review')
  let days: number
  let tables
  if (review !== null) {
    const found = await reviewReportFor(review, query.get('days'))
    if (!found) return plain(404, 'No published review has this slug.')
    days = found.days
    tables = reviewTables(found.report)
  } else {
    const found = await siteReportFor(query.get('days'))
    days = found.days
    tables = siteTables(found.report)
  }
  const table = tables.find((t) => t.name === name)
  if (!table)
    return plain(404, `No such table: ask for one of ${tables.map((t) => t.name).join(', ')}.`)
  const file = ['intertitle-analytics', review, table.name, `${days}-days`]
    .filter(Boolean)
    .join('-')
  return new Response(tableCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.replace(/[^\w.-]/g, '_')}.csv"`,
      'cache-control': 'private, no-store',
    },
  })
}
