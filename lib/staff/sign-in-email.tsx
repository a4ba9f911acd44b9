import { Button, Section, Text } from '@react-email/components'
import { EmailFrame, button, small, text } from '@/lib/newsletter/emails/frame'
import { site } from '@/lib/site'
import { SIGN_IN_LINK_MINUTES } from './sign-in'

export const signInSubject = `Sign in to ${site.name} staff pages`

/** The staff sign-in link: to a page with a button, so a mail scanner opening it signs no one in. */
export function SignInEmail({ href }: { href: string }) {
  return (
    <EmailFrame
      preview={`Your sign-in link works for ${SIGN_IN_LINK_MINUTES} minutes.`}
      campaign="staff"
      footer={
        <Text style={small}>
          If you did not ask to sign in, ignore this email: nobody can use the link without access
          to your inbox, and it expires on its own.
        </Text>
      }
    >
      <Text style={{ ...text, marginTop: '24px' }}>
        Open this link and press Sign in to reach the desk and the signups report. It works once,
        for {SIGN_IN_LINK_MINUTES} minutes.
      </Text>
      <Section style={{ margin: '24px 0' }}>
        <Button href={href} style={button}>
          Sign in
        </Button>
      </Section>
      <Text style={small}>Or paste this address into your browser: {href}</Text>
    </EmailFrame>
  )
}
