import { field, secondaryButton } from '@/components/staff/styles'

type Props = { days: number; periods: readonly number[]; csvHref?: string }

/** The period a staff report covers, chosen with a plain GET form (it works without JavaScript). */
export function PeriodForm({ days, periods, csvHref }: Props) {
  return (
    <form method="get" className="mb-8 flex flex-wrap items-end gap-3 font-sans">
      <div className="grid gap-1">
        <label htmlFor="days" className="font-semibold">
          Period
        </label>
        <select id="days" name="days" defaultValue={String(days)} className={field}>
          {periods.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={secondaryButton}>
        Show
      </button>
      {csvHref ? (
        <a href={csvHref} className="min-h-11 py-2 font-semibold" download>
          Download CSV
        </a>
      ) : null}
    </form>
  )
}
