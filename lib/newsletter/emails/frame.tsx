import type { ReactNode } from 'react'
import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import { site } from '@/lib/site'
import { emailLink } from './links'

/** The site's colours and faces, as email clients accept them: inline, with safe fallbacks. */
export const palette = {
  paper: '#fbfaf7',
  ink: '#1a1a1a',
  muted: '#55524c',
  rule: '#d9d4ca',
  accent: '#b3122e',
  panel: '#f1ede4',
} as const
export const serif = "'Source Serif 4', Georgia, 'Times New Roman', serif"
export const sans =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

export const text = { fontFamily: serif, fontSize: '17px', lineHeight: '1.55', color: palette.ink }
export const small = { fontFamily: sans, fontSize: '13px', lineHeight: '1.5', color: palette.muted }
export const button = {
  fontFamily: sans,
  fontSize: '16px',
  fontWeight: 600,
  backgroundColor: palette.accent,
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '4px',
  textDecoration: 'none',
  display: 'inline-block',
}

type Props = {
  /** The line a mail client shows after the subject. */
  preview: string
  /** utm_campaign of the masthead link. */
  campaign: string
  children: ReactNode
  /** Below the rule: why the reader got this, and how to leave. */
  footer: ReactNode
}

/** Masthead, body and footer: every email of the site looks like the site. */
export function EmailFrame({ preview, campaign, children, footer }: Props) {
  return (
    <Html lang={site.language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: palette.paper, margin: 0, padding: '24px 0' }}>
        <Container style={{ maxWidth: '600px', padding: '0 20px' }}>
          <Section style={{ borderBottom: `3px solid ${palette.ink}`, paddingBottom: '8px' }}>
            <Link
              href={emailLink('/', campaign)}
              style={{
                fontFamily: serif,
                fontSize: '32px',
                fontWeight: 700,
                color: palette.ink,
                textDecoration: 'none',
              }}
            >
              {site.name}
            </Link>
            <Text style={{ ...small, margin: '2px 0 0' }}>{site.tagline}</Text>
          </Section>
          {children}
          <Hr style={{ borderColor: palette.rule, margin: '32px 0 16px' }} />
          {footer}
          <Text style={small}>{site.publisher.name}</Text>
        </Container>
      </Body>
    </Html>
  )
}
