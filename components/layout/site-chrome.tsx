import type { ReactNode } from 'react'
import { ClientNavigation } from '@/components/ui/client-navigation'
import { PreviewBanner } from './preview-banner'
import { SiteFooter } from './site-footer'
import { SiteHeader } from './site-header'

/**
 * What every reader's page has around its content: the skip link, the preview banner, header,
 * main landmark and footer, and the client-side navigation of its links. The site's pages get it
 * from `app/(site)/layout.tsx`, and so does the 404 of a page that is not there
 * (`app/(site)/not-found.tsx`); the 404 of an address no route matches renders under the bare
 * root layout and wraps itself in it (`app/not-found.tsx`).
 */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="bg-accent text-accent-ink sr-only z-50 px-4 py-3 font-sans focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <PreviewBanner />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 sm:px-6">
        {children}
      </main>
      <SiteFooter />
      <ClientNavigation />
    </>
  )
}
