import { createElement } from 'react'
import { getIssueOnSale, getIssues } from '@/lib/content'
import { NewIssueEmail } from '@/lib/newsletter/emails/new-issue'
import { renderEmail } from '@/lib/newsletter/emails/render'
import { composeNewIssue } from '@/lib/newsletter/new-issue'
import { site } from '@/lib/site'

export const revalidate = 30

export function generateStaticParams() {
  return getIssues().map((issue) => ({ slug: issue.slug }))
}

/**
 * The web version of an issue's newsletter: the email itself, as every reader got it but without
 * anyone's unsubscribe link, at a stable address marketing can share. An issue not yet on sale
 * has none.
 */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/newsletter/issues/[slug]'>,
) {
  const { slug } = await params
  const issue = getIssueOnSale(slug) && composeNewIssue(slug)
  if (!issue)
    return new Response('Not found: there is no newsletter for this issue.\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  const { html } = await renderEmail(createElement(NewIssueEmail, { issue }))
  // Served by the site itself, its links and images to the site need no host: they then work
  // on whatever address serves the page, a preview deployment's included.
  const relative = html.replaceAll(`${new URL(site.baseUrl).origin}/`, '/')
  return new Response(relative, { headers: { 'content-type': 'text/html; charset=utf-8' } })
}
