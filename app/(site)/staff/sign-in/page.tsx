import { redirect } from 'next/navigation'
import { PageHeader } from '@/components/layout/page-header'
import { SignInForm } from '@/components/staff/sign-in-form'
import { primaryButton } from '@/components/staff/styles'
import { pageMetadata } from '@/lib/seo/metadata'
import { STAFF_AUTH_PATH } from '@/lib/staff/auth'
import { currentStaff, homeOf } from '@/lib/staff/session'
import { services } from '@/lib/services'

// Per request: who is signed in decides everything on it.
export const dynamic = 'force-dynamic'

export const metadata = pageMetadata({
  title: 'Staff sign-in',
  description: 'Sign in to the Intertitle staff pages.',
  path: '/staff/sign-in',
  noindex: true,
})

const crumbs = [{ name: 'Staff sign-in', href: '/staff/sign-in' }]

/**
 * Every staff URL sends a signed-out browser here. With `?token=` (the emailed link) it shows a
 * Sign in button instead of signing in on opening: mail scanners open links, people press buttons.
 */
export default async function SignInPage({ searchParams }: PageProps<'/staff/sign-in'>) {
  if (!services().staffAuth())
    return (
      <PageHeader title="Staff sign-in is off" crumbs={crumbs}>
        This server has no PREVIEW_SECRET, which signs staff sessions and preview links.
      </PageHeader>
    )
  const staff = await currentStaff()
  if (staff) redirect(homeOf(staff.role))
  const params = await searchParams
  const token = typeof params.token === 'string' ? params.token : undefined
  if (token && /^[A-Za-z0-9]{16,128}$/.test(token))
    return (
      <>
        <PageHeader title="Sign in" crumbs={crumbs}>
          Press Sign in to open the staff pages in this browser.
        </PageHeader>
        <form method="get" action={`${STAFF_AUTH_PATH}/magic-link/verify`} className="mb-10">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="callbackURL" value="/staff" />
          <input type="hidden" name="errorCallbackURL" value="/staff/sign-in?expired=1" />
          <button type="submit" className={primaryButton}>
            Sign in
          </button>
        </form>
      </>
    )
  return (
    <>
      <PageHeader title="Staff sign-in" crumbs={crumbs}>
        {params.expired
          ? 'That sign-in link has expired or has been used. Ask for a new one below.'
          : params['signed-out']
            ? 'You are signed out.'
            : 'Editors and marketing sign in with a link sent to their email address.'}
      </PageHeader>
      <div className="mb-10">
        <SignInForm />
      </div>
    </>
  )
}
