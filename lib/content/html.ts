import { marked } from 'marked'

/**
 * A review body as plain HTML for feeds: the MDX components become their HTML
 * equivalents (a pull quote is dropped, its words are already in the body) and
 * site-relative URLs become absolute, so the piece reads whole in any feed reader.
 */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)')/g)) out[m[1] ?? ''] = m[2] ?? m[3] ?? ''
  return out
}

export function reviewBodyHtml(mdx: string, absolute: (path: string) => string): string {
  const expanded = mdx
    .replace(/<PullQuote>[\s\S]*?<\/PullQuote>/g, '')
    .replace(/<Still\b[^>]*\/>/g, (tag) => {
      const { src = '', alt = '', caption } = attrs(tag)
      const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''
      return `\n<figure><img src="${escapeHtml(absolute(src))}" alt="${escapeHtml(alt)}">${figcaption}</figure>\n`
    })
    .replace(/<Aside\b([^>]*)>([\s\S]*?)<\/Aside>/g, (_, open: string, inner: string) => {
      const { title = '' } = attrs(open)
      return `\n<aside><p><strong>${escapeHtml(title)}</strong></p>\n\n${inner.trim()}\n\n</aside>\n`
    })
  const html = marked.parse(expanded, { async: false, gfm: true })
  return html.replace(/(href|src)="(\/[^"]*)"/g, (_, attr: string, path: string) => `${attr}="${absolute(path)}"`)
}
