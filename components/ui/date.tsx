import { formatDate, isoDay } from '@/lib/format'

/** A publication day as readers see it ("5 June 2025"), machine-readable in the magazine's time zone. */
export function DateText({ iso }: { iso: string }) {
  return <time dateTime={isoDay(iso)}>{formatDate(iso)}</time>
}
