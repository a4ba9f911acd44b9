import { plain } from '@/lib/http'
import { recordRequest } from '@/lib/newsletter/desk'
import { subscriberCsvHeader, subscriberCsvRow } from '@/lib/newsletter/csv'
import { services } from '@/lib/services'
import { may } from '@/lib/staff/roster'
import { currentStaff } from '@/lib/staff/session'

export const dynamic = 'force-dynamic'

/**
 * The whole list as CSV, as `npm run subscribers:export` writes it; each download is recorded
 * (who, when, how many rows).
 */
export async function GET() {
  const staff = await currentStaff()
  if (!staff || !may.newsletter(staff.role))
    return plain(401, 'Sign in at /staff/sign-in to download the list.')
  const site = services()
  const rows: string[] = [subscriberCsvHeader]
  for await (const subscriber of (await site.subscriberStore()).list())
    rows.push(subscriberCsvRow(subscriber))
  await recordRequest(await site.database(), 'export', staff.email, rows.length - 1)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(rows.join(''), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="intertitle-readers-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  })
}
