import { site } from '@/lib/site'

const dayMonthYear = new Intl.DateTimeFormat(site.locale, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: site.timeZone,
})
const dayMonth = new Intl.DateTimeFormat(site.locale, {
  day: 'numeric',
  month: 'long',
  timeZone: site.timeZone,
})
const monthYear = new Intl.DateTimeFormat(site.locale, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const yearOnly = new Intl.DateTimeFormat(site.locale, { year: 'numeric', timeZone: site.timeZone })

const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: site.timeZone,
})

/** "2025-06-05": the calendar day in the magazine's time zone, for `<time dateTime>`. */
export function isoDay(iso: string): string {
  return isoDayFormat.format(new Date(iso))
}

const dayTime = new Intl.DateTimeFormat(site.locale, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: site.timeZone,
  timeZoneName: 'short',
})

/** "4 July 2025 at 09:00 BST": a moment in the magazine's time zone, for staff pages. */
export function formatDateTime(iso: string): string {
  return dayTime.format(new Date(iso))
}

/** "5 June 2025" */
export function formatDate(iso: string): string {
  return dayMonthYear.format(new Date(iso))
}

/** "6 June", or "6 June 2026" when the year differs from the reference date's. */
export function formatDayMonth(iso: string, reference?: string): string {
  const sameYear =
    reference !== undefined &&
    yearOnly.format(new Date(iso)) === yearOnly.format(new Date(reference))
  return sameYear ? dayMonth.format(new Date(iso)) : dayMonthYear.format(new Date(iso))
}

/** "2025-07" → "July 2025" */
export function formatIssueMonth(month: string): string {
  return monthYear.format(new Date(`${month}-01T00:00:00Z`))
}

/** "science-fiction" → "Science fiction" */
export function genreLabel(slug: string): string {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** "Ana de Armas, Ian McShane and Keanu Reeves" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export function formatRuntime(minutes: number): string {
  return `${minutes} minutes`
}
