import { ReaderLinkPage } from '@/components/newsletter/reader-link'
import { linkToken } from '@/lib/newsletter/reader-links'
import { services } from '@/lib/services'
import { pageMetadata } from '@/lib/seo/metadata'

export const metadata = pageMetadata({
  title: 'Confirm your address',
  description: 'Confirm your address to receive the Intertitle newsletter.',
  path: '/newsletter/confirm',
  noindex: true,
})

/**
 * Where the confirmation email's link leads. Opening it confirms nothing (mail scanners open
 * links): the reader presses Confirm, a form post that works without JavaScript.
 */
export default async function ConfirmPage({ searchParams }: PageProps<'/newsletter/confirm'>) {
  const params = await searchParams
  if (params.status === 'confirmed')
    return (
      <ReaderLinkPage title="You are on the list">
        Thank you for confirming. The newsletter will arrive by email when each new issue goes on
        sale, and every one has a link to unsubscribe.
      </ReaderLinkPage>
    )
  const token = linkToken(params.t)
  const live =
    token && (await (await services().subscriberStore()).checkConfirmation(token)) === 'valid'
  if (!token || !live)
    return (
      <ReaderLinkPage title="This link has expired">
        Confirmation links work for 48 hours. Sign up again on the newsletter page and we will send
        you a new one.
      </ReaderLinkPage>
    )
  return (
    <ReaderLinkPage
      title="Confirm your address"
      action={{ url: '/api/newsletter/confirm', fields: { t: token }, label: 'Confirm' }}
    >
      One step left: press Confirm to receive the Intertitle newsletter, one email when each new
      issue goes on sale.
    </ReaderLinkPage>
  )
}
