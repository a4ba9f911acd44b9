/**
 * Links films named the way critics write them, "Hereditary (2018)", to the site's film
 * page when the site has reviewed that film. Runs as a remark plugin at content build
 * time, so editors write no links by hand. Never inside headings, links or pull quotes.
 */
import { escapeRegExp } from '../text'

export type FilmRef = { title: string; year: number; url: string }

type MdNode = {
  type: string
  value?: string
  name?: string | null
  url?: string
  children?: MdNode[]
}

const SKIP = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code'])

function skipped(node: MdNode): boolean {
  return (
    SKIP.has(node.type) ||
    ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name === 'PullQuote')
  )
}

export function filmMentionPattern(films: FilmRef[]): RegExp | undefined {
  if (films.length === 0) return undefined
  const titles = [...new Set(films.map((f) => f.title))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
  return new RegExp(`(${titles.join('|')}) \\((\\d{4})\\)`, 'g')
}

function splitText(value: string, pattern: RegExp, films: FilmRef[]): MdNode[] | undefined {
  const out: MdNode[] = []
  let last = 0
  for (const m of value.matchAll(pattern)) {
    const film = films.find((f) => f.title === m[1] && String(f.year) === m[2])
    if (!film) continue
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) })
    out.push({ type: 'link', url: film.url, children: [{ type: 'text', value: m[0] }] })
    last = m.index + m[0].length
  }
  if (out.length === 0) return undefined
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) })
  return out
}

export function linkFilmMentions(tree: MdNode, films: FilmRef[]): void {
  const pattern = filmMentionPattern(films)
  if (!pattern) return
  const walk = (node: MdNode) => {
    if (!node.children || skipped(node)) return
    node.children = node.children.flatMap((child) => {
      if (child.type === 'text' && child.value)
        return splitText(child.value, pattern, films) ?? [child]
      walk(child)
      return [child]
    })
  }
  walk(tree)
}

/** The remark plugin: `remarkPlugins: [[remarkFilmLinks, films]]`. */
export function remarkFilmLinks(films: FilmRef[]) {
  return (tree: MdNode) => linkFilmMentions(tree, films)
}
