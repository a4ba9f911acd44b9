import { IssuePanel } from '@/components/issue/issue-panel'
import { NewsletterForm } from '@/components/newsletter/newsletter-form'
import { PageHeader } from '@/components/layout/page-header'
import { trail } from '@/lib/seo/breadcrumbs'
import { getCurrentIssue } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 30

const path = '/newsletter'

export const metadata = pageMetadata({
  title: 'Newsletter',
  description: 'Sign up for the Intertitle newsletter: one email when each new issue goes on sale.',
  path,
})

export default function NewsletterPage() {
  const issue = getCurrentIssue()
  return (
    <>
      <PageHeader title="Newsletter" crumbs={trail({ name: 'Newsletter', href: path })}>
        One email a month, when the new issue of the magazine goes on sale. No advertising, and no
        sharing of your address.
      </PageHeader>
      <NewsletterForm heading="h2" source={{ path, issue: issue?.slug }} className="max-w-2xl" />
      {issue ? <IssuePanel issue={issue} className="mt-14" /> : null}
    </>
  )
}
