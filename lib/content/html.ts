import { marked } from 'marked'
import { escapeHtml } from '../text'
import { rewriteComponents } from './mdx-text'

/**
 * A review body as plain HTML for feeds: the MDX components become their HTML
 * equivalents (a pull quote is dropped, its words are already in the body) and
 * site-relative URLs become absolute, so the piece reads whole in any feed reader.
 */
export function reviewBodyHtml(mdx: string, absolute: (path: string) => string): string {
  const expanded = rewriteComponents(mdx, {
    pullQuote: '',
    still: ({ src = '', alt = '', caption }) => {
      const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''
      return `\n<figure><img src="${escapeHtml(absolute(src))}" alt="${escapeHtml(alt)}">${figcaption}</figure>\n`
    },
    aside: ({ title = '' }, inner) =>
      `\n<aside><p><strong>${escapeHtml(title)}</strong></p>\n\n${inner.trim()}\n\n</aside>\n`,
  })
  const html = marked.parse(expanded, { async: false, gfm: true })
  return html.replace(
    /(href|src)="(\/[^"]*)"/g,
    (_, attr: string, path: string) => `${attr}="${absolute(path)}"`,
  )
}
