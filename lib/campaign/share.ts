import { withUtm } from '@/lib/campaign/utm'
import { absoluteUrl } from '@/lib/site'

export type ShareTarget = { name: string; label: string; href: string }

/** Plain share URLs, no third-party scripts; each carries UTM so marketing sees what travelled. */
export function shareTargets(
  path: string,
  title: string,
): { copy: string; targets: ShareTarget[] } {
  const url = (source: string, medium = 'social') =>
    withUtm(absoluteUrl(path), { source, medium, campaign: 'share' })
  const enc = encodeURIComponent
  return {
    copy: url('copy-link', 'referral'),
    targets: [
      {
        name: 'email',
        label: 'Email',
        href: `mailto:?subject=${enc(title)}&body=${enc(`${title}\n\n${url('email', 'email')}`)}`,
      },
      {
        name: 'bluesky',
        label: 'Bluesky',
        href: `https://bsky.app/intent/compose?text=${enc(`${title} ${url('bluesky')}`)}`,
      },
      {
        name: 'x',
        label: 'X',
        href: `https://x.com/intent/post?text=${enc(title)}&url=${enc(url('x'))}`,
      },
      {
        name: 'facebook',
        label: 'Facebook',
        href: `https://www.facebook.com/sharer/sharer.php?u=${enc(url('facebook'))}`,
      },
      {
        name: 'linkedin',
        label: 'LinkedIn',
        href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url('linkedin'))}`,
      },
      {
        name: 'whatsapp',
        label: 'WhatsApp',
        href: `https://wa.me/?text=${enc(`${title} ${url('whatsapp')}`)}`,
      },
    ],
  }
}
