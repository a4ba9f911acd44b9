'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getUnpublishedReview } from '@/lib/content'
import { services } from '@/lib/services'
import { env } from '@/lib/env'
import { createLink, LINK_LIFETIMES, revokeLink } from '@/lib/preview/links'
import { clientAddress } from '@/lib/security/client-address'
import { readRoster, roleOf, may } from '@/lib/staff/roster'
import { requestSignIn as request } from '@/lib/staff/request-sign-in'
import type { SignInState } from '@/lib/staff/sign-in'
import { requireStaff } from '@/lib/staff/session'

/** The sign-in form's Server Action (with JavaScript through useActionState, without as a plain POST). */
export async function requestSignIn(_previous: SignInState, data: FormData): Promise<SignInState> {
  const auth = services().staffAuth()
  const incoming = await headers()
  const email = String(data.get('email') ?? '')
  if (!auth) return { status: 'invalid', email, message: 'Staff sign-in is off on this server.' }
  return request(
    { email, client: clientAddress(incoming.get('x-forwarded-for'), env.TRUSTED_PROXIES) },
    {
      limiter: services().signInLimiter(),
      isStaff: (address) => roleOf(readRoster(), address) !== undefined,
      sendLink: async (address) => {
        await auth.api.signInMagicLink({
          body: { email: address, callbackURL: '/staff' },
          headers: incoming,
        })
      },
    },
  )
}

const lifetimeOf = (label: FormDataEntryValue | null) =>
  Object.entries(LINK_LIFETIMES).find(([name]) => name === label)?.[1]

/** Makes a share link for one unpublished piece; the desk then shows it at the top of its list. */
export async function makeShareLink(data: FormData): Promise<void> {
  const staff = await requireStaff(may.desk)
  const slug = String(data.get('slug') ?? '')
  const seconds = lifetimeOf(data.get('lifetime'))
  // Only an unpublished piece: a published one has its public address.
  if (!seconds || !getUnpublishedReview(slug)) redirect('/staff?problem=link')
  const { link } = await createLink(await services().database(), env.PREVIEW_SECRET!, {
    slug,
    seconds,
    createdBy: staff.email,
  })
  redirect(`/staff?made=${link.id}#links`)
}

export async function revokeShareLink(data: FormData): Promise<void> {
  const staff = await requireStaff(may.desk)
  const id = String(data.get('id') ?? '')
  await revokeLink(await services().database(), id, staff.email)
  redirect(`/staff?revoked=${encodeURIComponent(id.slice(0, 64))}#links`)
}
