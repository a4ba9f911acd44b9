import { ReaderLinkPage } from '@/components/newsletter/reader-link'
import { linkToken } from '@/lib/newsletter/reader-links'
import { services } from '@/lib/services'
import { pageMetadata } from '@/lib/seo/metadata'
import { ONE_CLICK } from '@/lib/newsletter/emails/links'

export const metadata = pageMetadata({
  title: 'Unsubscribe',
  description: 'Stop receiving the Intertitle newsletter.',
  path: '/newsletter/unsubscribe',
  noindex: true,
})

/**
 * Where the footer link of every email leads: a button that unsubscribes at once. It posts what
 * a mail client's one-click unsubscribe posts, to the same address. The page never shows whose
 * link it is.
 */
export default async function UnsubscribePage({
  searchParams,
}: PageProps<'/newsletter/unsubscribe'>) {
  const params = await searchParams
  if (params.status === 'unsubscribed')
    return (
      <ReaderLinkPage title="You have unsubscribed">
        You will receive no more newsletters from us. If you change your mind, sign up again on the
        newsletter page and confirm your address.
      </ReaderLinkPage>
    )
  const token = linkToken(params.t)
  if (!token || !(await (await services().subscriberStore()).knowsUnsubscribe(token)))
    return (
      <ReaderLinkPage title="This link is not valid">
        We could not find the subscription this link belongs to. If you are still receiving the
        newsletter, use the unsubscribe link in the latest email.
      </ReaderLinkPage>
    )
  return (
    <ReaderLinkPage
      title="Unsubscribe"
      action={{
        url: `/api/newsletter/unsubscribe?t=${encodeURIComponent(token)}`,
        fields: ONE_CLICK,
        label: 'Unsubscribe',
      }}
    >
      Press Unsubscribe to stop receiving the Intertitle newsletter. It takes effect at once.
    </ReaderLinkPage>
  )
}
