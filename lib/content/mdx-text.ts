/**
 * The editors' MDX components as a review's body holds them: `<PullQuote>…</PullQuote>`,
 * `<Still src="…" alt="…" caption="…" />` and `<Aside title="…">…</Aside>`. The content
 * check, the word count, search, the feeds' HTML and the reading time all read the body through
 * these few functions, so they agree on what a component is. Imported by contentlayer.config.ts:
 * relative imports only.
 */

const pullQuote = () => /<PullQuote>([\s\S]*?)<\/PullQuote>/g
const still = () => /<Still\b[^>]*\/?>/g
const aside = () => /<Aside\b([^>]*)>([\s\S]*?)<\/Aside>/g

export type Found = { index: number }

/** A component's attributes, `name="value"` or `name='value'`. */
export function mdxAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)')/g))
    out[m[1] ?? ''] = m[2] ?? m[3] ?? ''
  return out
}

/** Each pull quote's words and where it starts. */
export function pullQuotes(mdx: string): (Found & { text: string })[] {
  return [...mdx.matchAll(pullQuote())].map((m) => ({ index: m.index, text: m[1] ?? '' }))
}

/** Each inline still's attributes and where it starts. */
export function stills(mdx: string): (Found & { attributes: Record<string, string> })[] {
  return [...mdx.matchAll(still())].map((m) => ({
    index: m.index,
    attributes: mdxAttributes(m[0]),
  }))
}

type Rewrite = {
  /** What a pull quote becomes (its words are already in the body). */
  pullQuote: string
  still: (attributes: Record<string, string>) => string
  aside: (attributes: Record<string, string>, inner: string) => string
}

/** The body with each component rewritten: to HTML for feeds, to words for search. */
export function rewriteComponents(mdx: string, rewrite: Rewrite): string {
  return mdx
    .replace(pullQuote(), rewrite.pullQuote)
    .replace(still(), (tag) => rewrite.still(mdxAttributes(tag)))
    .replace(aside(), (_, open: string, inner: string) => rewrite.aside(mdxAttributes(open), inner))
}

/** The words a reader reads in the body: pull quotes (repeats) and every tag left out. */
export function proseText(mdx: string): string {
  return mdx.replace(pullQuote(), ' ').replace(/<[^>]+>/g, ' ')
}
