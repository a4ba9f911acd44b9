import type { ReactNode } from 'react'
import { cell, headCell, table as tableClass } from '@/components/staff/styles'
import type { Table } from '@/lib/analytics/tables'

type Props = {
  table: Table
  /** Where its CSV is downloaded. */
  csvHref: string
  /** A link for a row's first cell (a review to its own report). */
  linkFor?: (row: (string | number)[]) => string | undefined
  className?: string
}

const numeric = `${cell} text-right tabular-nums`

/** One table of figures, with its CSV. Every value is text React escapes. */
export function FiguresTable({ table, csvHref, linkFor, className = '' }: Props) {
  const cellOf = (row: (string | number)[], value: string | number, i: number): ReactNode => {
    const href = i === 0 ? linkFor?.(row) : undefined
    return href ? <a href={href}>{value}</a> : value
  }
  return (
    <section className={`mb-10 overflow-x-auto ${className}`}>
      <table className={tableClass}>
        <caption className="mb-2 text-left font-serif text-xl font-bold">{table.caption}</caption>
        <thead>
          <tr className="border-rule border-b">
            {table.columns.map((c, i) => (
              <th
                key={c}
                scope="col"
                className={i >= table.figuresFrom ? `${headCell} text-right` : headCell}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className={cell}>
                {table.empty}
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r} className="border-rule border-b">
                {row.map((value, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={`${cell} text-left font-normal break-all`}>
                      {cellOf(row, value, i)}
                    </th>
                  ) : (
                    <td key={i} className={i >= table.figuresFrom ? numeric : `${cell} break-all`}>
                      {value}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="mt-2 font-sans text-sm">
        <a href={csvHref} download className="font-semibold">
          Download “{table.caption}” as CSV
        </a>
      </p>
    </section>
  )
}
