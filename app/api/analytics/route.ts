import { collect } from '@/lib/analytics/collect'
import { services } from '@/lib/services'

export const dynamic = 'force-dynamic'

/** The beacon of public/analytics.js: one page view (docs/analytics.md). */
export async function POST(request: Request) {
  return collect(request, await services().analytics())
}
