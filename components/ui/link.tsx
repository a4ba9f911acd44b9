import type { ComponentProps } from 'react'

type Props = ComponentProps<'a'> & { href: string }

/** The attribute that marks a link as one of the site's own pages, for `ClientNavigation`. */
export const SITE_LINK = 'data-site-link'

/**
 * Every link from one page of the site to another: a plain `<a>`, rendered by the server and not
 * hydrated. `ClientNavigation` (one client component in the site's chrome) turns a click on it
 * into a client-side navigation and fetches its page ahead when the reader reaches for it, as
 * Next's `<Link>` would; a page of cards no longer hydrates a component per link
 * (docs/benchmarks.md, issue 40). `npm run lint` keeps `next/link` out of the site.
 */
export function Link({ href, ...props }: Props) {
  return <a {...props} href={href} {...{ [SITE_LINK]: '' }} />
}
