import { Button, Section, Text } from '@react-email/components'
import { site } from '@/lib/site'
import { EmailFrame, button, small, text } from './frame'
import { confirmUrl } from './links'

export const confirmationSubject = `Confirm your ${site.name} newsletter signup`

/** Sent after a signup: one link, to a page with a Confirm button (scanners open links; only people press buttons). */
export function ConfirmationEmail({ token }: { token: string }) {
  const href = confirmUrl(token)
  return (
    <EmailFrame
      preview="One step left: confirm your address to receive the newsletter."
      campaign="confirmation"
      footer={
        <Text style={small}>
          If you did not ask for the newsletter, ignore this email: without confirmation your
          address is deleted within 30 days and you will hear nothing more from us.
        </Text>
      }
    >
      <Text style={{ ...text, marginTop: '24px' }}>
        Someone, we hope you, asked for the {site.name} newsletter to be sent to this address: one
        email a month, when the new issue of the magazine goes on sale.
      </Text>
      <Text style={text}>To confirm, open this link and press Confirm. It works for 48 hours.</Text>
      <Section style={{ margin: '24px 0' }}>
        <Button href={href} style={button}>
          Confirm my address
        </Button>
      </Section>
      <Text style={small}>Or paste this address into your browser: {href}</Text>
    </EmailFrame>
  )
}
