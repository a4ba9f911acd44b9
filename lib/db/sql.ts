/** A timestamp column as ISO 8601 in UTC (`2025-06-01T09:00:00.000Z`), the same on both databases. */
export const utc = (column: string, as: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "${as}"`
