import { IssueSummary } from '@/components/issue/issue-summary'
import { PageHeader } from '@/components/layout/page-header'
import { trail } from '@/lib/seo/breadcrumbs'
import { getIssues } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 30

export const metadata = pageMetadata({
  title: 'The magazine',
  description: 'The archive of Intertitle’s print issues.',
  path: '/issues',
})

export default function IssuesPage() {
  return (
    <>
      <PageHeader title="The magazine" crumbs={trail({ name: 'The magazine', href: '/issues' })}>
        Every print issue, newest first, with the reviews it carried.
      </PageHeader>
      <ul className="space-y-12">
        {getIssues().map((issue) => (
          <li key={issue.slug}>
            <IssueSummary issue={issue} />
          </li>
        ))}
      </ul>
    </>
  )
}
