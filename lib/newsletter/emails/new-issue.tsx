import { Button, Heading, Img, Link, Section, Text } from '@react-email/components'
import { absoluteUrl, site } from '@/lib/site'
import { EmailFrame, button, palette, sans, serif, small, text } from './frame'
import { emailLink, unsubscribePageUrl, webVersionPath } from './links'

/** What the new-issue email says, gathered from the Issue document and its reviews. */
export type NewIssue = {
  slug: string
  /** "June 2025, No. 401" */
  title: string
  cover: { src: string; alt: string }
  coverLine: string
  inside: { text: string; href?: string }[]
  reviews: { headline: string; standfirst: string; critic: string; href: string }[]
  buyUrl: string
  subscribeUrl: string
}

export const newIssueSubject = (issue: NewIssue) =>
  `${site.name}, ${issue.title}: ${issue.coverLine}`

const heading = { fontFamily: serif, color: palette.ink, margin: '32px 0 8px' }
const label = {
  fontFamily: sans,
  fontSize: '13px',
  fontWeight: 700,
  letterSpacing: '0.08em',
  textTransform: 'uppercase' as const,
  color: palette.accent,
  margin: '24px 0 4px',
}

/**
 * The email sent when an issue goes on sale. `unsubscribeToken` makes it one reader's copy;
 * without it, it is the web version anyone may read.
 */
export function NewIssueEmail({
  issue,
  unsubscribeToken,
}: {
  issue: NewIssue
  unsubscribeToken?: string
}) {
  // Paths on the site and the shop's own addresses alike gain the issue's campaign.
  const link = (pathOrUrl: string) => emailLink(pathOrUrl, issue.slug)
  return (
    <EmailFrame
      preview={`On the cover: ${issue.coverLine}`}
      campaign={issue.slug}
      footer={
        <Text style={small}>
          {unsubscribeToken ? (
            <>
              You are receiving this because you signed up for the {site.name} newsletter.{' '}
              <Link href={unsubscribePageUrl(unsubscribeToken)} style={{ color: palette.muted }}>
                Unsubscribe
              </Link>{' '}
              ·{' '}
              <Link href={link(webVersionPath(issue.slug))} style={{ color: palette.muted }}>
                Read this email on the web
              </Link>
            </>
          ) : (
            <>
              This is the {site.name} newsletter for {issue.title}.{' '}
              <Link href={link('/newsletter')} style={{ color: palette.muted }}>
                Sign up
              </Link>{' '}
              to receive the next one by email.
            </>
          )}
        </Text>
      }
    >
      <Heading as="h1" style={{ ...heading, fontSize: '28px' }}>
        The new issue: {issue.title}
      </Heading>
      <Link href={link(`/issues/${issue.slug}`)}>
        <Img
          src={absoluteUrl(issue.cover.src)}
          alt={issue.cover.alt}
          width="240"
          style={{ margin: '16px 0', border: `1px solid ${palette.rule}` }}
        />
      </Link>
      <Text style={label}>On the cover</Text>
      <Text style={{ ...text, marginTop: 0 }}>{issue.coverLine}</Text>
      <Text style={label}>Inside</Text>
      {issue.inside.map((item) => (
        <Text key={item.text} style={{ ...text, margin: '4px 0' }}>
          {'– '}
          {item.href ? (
            <Link href={link(item.href)} style={{ color: palette.accent }}>
              {item.text}
            </Link>
          ) : (
            item.text
          )}
        </Text>
      ))}
      <Section style={{ margin: '24px 0' }}>
        <Button href={link(issue.buyUrl)} style={button}>
          Get your copy
        </Button>{' '}
        <Button href={link(issue.subscribeUrl)} style={{ ...button, backgroundColor: palette.ink }}>
          Subscribe
        </Button>
      </Section>
      {issue.reviews.length > 0 ? (
        <>
          <Heading as="h2" style={{ ...heading, fontSize: '22px' }}>
            Reviews from this issue
          </Heading>
          {issue.reviews.map((review) => (
            <Section key={review.href} style={{ margin: '16px 0' }}>
              <Link
                href={link(review.href)}
                style={{ fontFamily: serif, fontSize: '19px', fontWeight: 700, color: palette.ink }}
              >
                {review.headline}
              </Link>
              <Text style={{ ...text, margin: '4px 0' }}>{review.standfirst}</Text>
              <Text style={{ ...small, margin: 0 }}>By {review.critic}</Text>
            </Section>
          ))}
        </>
      ) : null}
    </EmailFrame>
  )
}
