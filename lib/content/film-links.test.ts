import { describe, expect, it } from 'vitest'
import { linkFilmMentions, type FilmRef } from '@/lib/content/film-links'

const films: FilmRef[] = [
  { title: 'Hereditary', year: 2018, url: '/films/hereditary-2018' },
  { title: 'John Wick: Chapter 3 – Parabellum', year: 2019, url: '/films/john-wick-3' },
]
const text = (value: string) => ({ type: 'text', value })
const para = (value: string) => ({ type: 'paragraph', children: [text(value)] })

describe('linking films named with their year', () => {
  it('links a reviewed film written with its year', () => {
    const tree = { type: 'root', children: [para('Scarier than Hereditary (2018), and longer.')] }
    linkFilmMentions(tree, films)
    expect(tree.children[0]?.children).toEqual([
      text('Scarier than '),
      { type: 'link', url: '/films/hereditary-2018', children: [text('Hereditary (2018)')] },
      text(', and longer.'),
    ])
  })
  it('matches titles with punctuation and leaves other years alone', () => {
    const tree = {
      type: 'root',
      children: [para('After John Wick: Chapter 3 – Parabellum (2019) came Hereditary (2020).')],
    }
    linkFilmMentions(tree, films)
    const links = tree.children[0]?.children.filter((n) => n.type === 'link')
    expect(links).toHaveLength(1)
  })
  it('never links inside headings, links or pull quotes', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'heading', children: [text('On Hereditary (2018)')] },
        {
          type: 'mdxJsxFlowElement',
          name: 'PullQuote',
          children: [para('Hereditary (2018) did it better.')],
        },
        {
          type: 'paragraph',
          children: [{ type: 'link', url: '/x', children: [text('Hereditary (2018)')] }],
        },
      ],
    }
    const before = JSON.stringify(tree)
    linkFilmMentions(tree, films)
    expect(JSON.stringify(tree)).toBe(before)
  })
})
