import type { Metadata, Viewport } from 'next'
import { ThemeScript } from '@/components/layout/theme-script'
import { sourceSerif } from '@/lib/fonts'
import { site } from '@/lib/site'
import './globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(site.baseUrl),
  title: { default: `${site.name} — ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.description,
  icons: { icon: site.publisher.logo },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
}

/**
 * The document every route shares: language, fonts, theme and the global styles. The readers'
 * site adds its chrome in `app/(site)/layout.tsx`; other tools (the editor) bring their own.
 */
export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang={site.locale} className={sourceSerif.variable} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-dvh flex-col">{children}</body>
    </html>
  )
}
