import { Link } from '@/components/ui/link'
import type { StaffMember } from '@/lib/staff/session'
import { may } from '@/lib/staff/roster'

/** The staff pages' own bar: where a member of staff can go, who they are, and the way out. */
export function StaffNav({ staff }: { staff: StaffMember }) {
  return (
    <nav
      aria-label="Staff"
      className="border-rule mt-4 flex flex-wrap items-center gap-x-6 gap-y-2 border-b pb-3 font-sans text-sm"
    >
      {may.desk(staff.role) ? <Link href="/staff">Desk</Link> : null}
      {may.newsletter(staff.role) ? <Link href="/staff/newsletter">Newsletter</Link> : null}
      <Link href="/staff/signups">Signups</Link>
      {may.analytics(staff.role) ? <Link href="/staff/analytics">Analytics</Link> : null}
      <span className="text-muted ms-auto">
        Signed in as {staff.email} ({staff.role})
      </span>
      <form method="post" action="/api/staff/sign-out">
        <button type="submit" className="min-h-11 font-semibold underline">
          Sign out
        </button>
      </form>
    </nav>
  )
}
