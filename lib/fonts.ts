import localFont from 'next/font/local'

// Self-hosted from @fontsource packages: no request leaves the site for a font. Only the text
// face is downloaded; labels and navigation use the reader's own system sans-serif, which costs
// a phone nothing (Inter's two weights were a large part of the first load: docs/benchmarks.md).
// next/font names the family after this constant. It was `serif` once: a family called "serif"
// reads as the generic one to Chromium on Linux, which drew the text in its own serif whenever
// the face was not there, and next/font's "serif Fallback" was not a valid name at all.
export const sourceSerif = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2',
      weight: '400',
      style: 'normal',
    },
    {
      path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2',
      weight: '400',
      style: 'italic',
    },
    {
      path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2',
      weight: '700',
      style: 'normal',
    },
  ],
  variable: '--font-source-serif',
  display: 'swap',
  // Until the face arrives (or if it never does), a system serif drawn to its measurements, so
  // the page does not move when it comes: app/globals.css defines the two stand-ins (next/font's
  // own knows Times New Roman only, which Linux and Android do not have).
  fallback: ['Source Serif Fallback', 'Source Serif Fallback Noto', 'Georgia', 'serif'],
  adjustFontFallback: false,
})
