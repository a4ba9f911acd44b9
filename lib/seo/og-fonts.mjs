// @ts-check
/**
 * The fonts link cards are drawn with (Satori reads WOFF, not WOFF2), relative to the project:
 * read at run time, and listed for output tracing so that a standalone server carries them.
 */
export const ogFonts = {
  serifBold: 'node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff',
  sansSemibold: 'node_modules/@fontsource/inter/files/inter-latin-600-normal.woff',
}

export const ogFontFiles = Object.values(ogFonts)
