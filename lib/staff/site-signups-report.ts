import { services } from '@/lib/services'
import { periodOf, signupsReport, type SignupsReport } from './signups'

/** The report for a period named in a URL (`?days=`), ending now: what the page and its CSV share. */
export async function reportFor(days: unknown, now = new Date()): Promise<SignupsReport> {
  const from = new Date(now.getTime() - periodOf(days) * 86_400_000)
  return signupsReport(await services().database(), from, now)
}
