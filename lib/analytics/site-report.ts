import { getReview } from '@/lib/content'
import { services } from '@/lib/services'
import { analyticsReport, periodDays, periodOf, reviewReport } from './report'

/** The site's report for a period named in a URL (`?days=`), ending today. */
export async function siteReportFor(days: unknown, now = new Date()) {
  const period = periodOf(days)
  const { from, to } = periodDays(period, now)
  return { days: period, report: await analyticsReport(await services().database(), from, to) }
}

/** One published review's report, or undefined for a slug that names none. */
export async function reviewReportFor(slug: string, days: unknown, now = new Date()) {
  const review = getReview(slug, { now })
  if (!review) return undefined
  const period = periodOf(days)
  const { from, to } = periodDays(period, now)
  const report = await reviewReport(await services().database(), slug, from, to)
  return { days: period, review, report }
}
