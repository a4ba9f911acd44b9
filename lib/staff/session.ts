import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import type { StaffAuth } from './auth'
import { readRoster, roleOf, type Role, type Roster } from './roster'
import { services } from '@/lib/services'

export type StaffMember = { email: string; role: Role; userId: string }

/**
 * Who is signed in, as the staff list says now: a session whose address has left the list is
 * ended on the spot (all of that person's sessions), and an unreadable staff list lets nobody in.
 */
export async function staffMember(
  auth: StaffAuth,
  requestHeaders: Headers,
  roster: () => Roster,
): Promise<StaffMember | undefined> {
  const session = await auth.api.getSession({ headers: requestHeaders })
  if (!session) return undefined
  let role: Role | undefined
  try {
    role = roleOf(roster(), session.user.email)
  } catch (error) {
    console.error('staff: the staff list cannot be read; nobody is signed in', error)
    return undefined
  }
  if (!role) {
    await (await auth.$context).internalAdapter.deleteUserSessions(session.user.id)
    return undefined
  }
  return { email: session.user.email, role, userId: session.user.id }
}

/** Who is signed in to this request (undefined with staff sign-in off). */
export const currentStaff = cache(async (): Promise<StaffMember | undefined> => {
  const auth = services().staffAuth()
  return auth ? staffMember(auth, await headers(), () => readRoster()) : undefined
})

/**
 * The signed-in member of staff whom `allowed` admits; anyone else is sent to sign in, and staff
 * whose role does not reach this page to the page their role opens.
 */
export async function requireStaff(allowed: (role: Role) => boolean): Promise<StaffMember> {
  const staff = await currentStaff()
  if (!staff) redirect('/staff/sign-in')
  if (!allowed(staff.role)) redirect(homeOf(staff.role))
  return staff
}

/** The first staff page of each role. */
export const homeOf = (role: Role) => (role === 'editor' ? '/staff' : '/staff/signups')
