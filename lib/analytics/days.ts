import { site } from '@/lib/site'

/** A calendar day in the magazine's time zone, `YYYY-MM-DD`: the unit of salts and rollups. */
export type Day = string

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: site.timeZone,
})

/** The day `moment` falls on in London. */
export const localDay = (moment: Date): Day => dayFormat.format(moment)

/** The day `n` days after (or, negative, before) `day`. */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysFrom(from: Day, to: Day): Day[] {
  const days: Day[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}
