import { describe, expect, it } from 'vitest'
import { checkContent, formatProblem, type SourceFile } from '@/lib/content/check/validate'

const images = new Set(['/images/stills/x-hero.jpg', '/images/covers/july.jpg'])
const options = { imageExists: (src: string) => images.has(src) }

const film: SourceFile = {
  path: 'content/films/x.yaml',
  text: `title: X\nyear: 2025\ndirectors: [A]\nwriters: [B]\ncast:\n  - name: C\n    character: D\nruntime: 90\ncountries: [UK]\nlanguages: [English]\ncertificate: '15'\ndistributor: E\n`,
}
const critic: SourceFile = { path: 'content/critics/ann.yaml', text: 'name: Ann\nbio: Writes.\n' }
const issue: SourceFile = {
  path: 'content/issues/july.yaml',
  text: `number: 1\nmonth: 2025-07\nonSale: 2025-06-06\ncover:\n  src: /images/covers/july.jpg\n  alt: Cover\ncoverLine: Line\ninside:\n  - text: A piece\n    review: x\nbuyUrl: https://shop.example/buy\nsubscribeUrl: https://shop.example/sub\n`,
}
const front = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    headline: "'X: fine'",
    standfirst: 'One sentence.',
    critic: 'ann',
    date: '2025-06-05',
    film: 'x',
    hero: '\n  src: /images/stills/x-hero.jpg\n  alt: A still\n  caption: X (2025)',
    genres: '[drama]',
    issue: 'july',
    release: '\n  date: 2025-06-06\n  form: cinemas',
    ...overrides,
  }
  return Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}:${v.startsWith('\n') ? v : ` ${v}`}`)
    .join('\n')
}
const review = (
  overrides?: Record<string, string>,
  body = 'A line the critic wrote.\n',
): SourceFile => ({
  path: 'content/reviews/x.mdx',
  text: `---\n${front(overrides)}\n---\n\n${body}`,
})
const check = (...files: SourceFile[]) =>
  checkContent([film, critic, issue, ...files], options).map(formatProblem)

describe('the content check', () => {
  it('passes valid content', () => {
    expect(check(review())).toEqual([])
  })
  it('names file, line and field for a missing required field', () => {
    expect(check(review({ standfirst: '' }))).toEqual([
      'content/reviews/x.mdx:2 standfirst: is required',
    ])
  })
  it('reports a bad date on its line', () => {
    expect(check(review({ date: '2025-02-30' }))).toEqual([
      'content/reviews/x.mdx:5 date: is not a real date',
    ])
    expect(check(review({ date: '2025-13-45' }))).toEqual([
      'content/reviews/x.mdx:5 date: is not a real date',
    ])
    expect(check(review({ date: 'next week' }))[0]).toMatch(
      /^content\/reviews\/x\.mdx:5 date: must be a date/,
    )
  })
  it('reports mistyped and unknown fields', () => {
    expect(check(review({ genres: 'drama' }))).toEqual([
      'content/reviews/x.mdx:11 genres: Invalid input: expected array, received string',
    ])
    expect(check(review({ colour: 'red' }))).toEqual([
      'content/reviews/x.mdx:16 colour: is not a known field (colour)',
    ])
    expect(check(review({ release: '\n  date: 2025-06-06\n  form: vhs' }))[0]).toMatch(
      /^content\/reviews\/x\.mdx:15 release\.form: /,
    )
  })
  it('reports unknown critics, films and issues', () => {
    expect(check(review({ critic: 'bob', film: 'y', issue: 'may' }))).toEqual([
      'content/reviews/x.mdx:4 critic: unknown critic "bob"',
      'content/reviews/x.mdx:6 film: unknown film "y"',
      'content/reviews/x.mdx:12 issue: unknown issue "may"',
    ])
  })
  it('names the closest existing slug when a reference looks mistyped', () => {
    const hannah: SourceFile = {
      path: 'content/critics/hannah-okafor.yaml',
      text: 'name: Hannah Okafor\nbio: Writes.\n',
    }
    expect(check(hannah, review({ critic: 'hanna-okafor', film: 'xx', issue: 'jluy' }))).toEqual([
      'content/reviews/x.mdx:4 critic: unknown critic "hanna-okafor": did you mean hannah-okafor?',
      'content/reviews/x.mdx:6 film: unknown film "xx"',
      'content/reviews/x.mdx:12 issue: unknown issue "jluy": did you mean july?',
    ])
  })
  it('requires a service for streaming releases', () => {
    expect(check(review({ release: '\n  date: 2025-06-06\n  form: streaming' }))).toEqual([
      'content/reviews/x.mdx:15 release.service: is required when form is streaming',
    ])
  })
  it('fails a pull quote whose words are not in the body', () => {
    const body =
      'The film is long.\n\n<PullQuote>The film is short.</PullQuote>\n\n<PullQuote>The film is long.</PullQuote>\n'
    expect(check(review({}, body))).toEqual([
      `content/reviews/x.mdx:20 PullQuote: words are not in the review's body: "The film is short."`,
    ])
  })
  it('fails images without alt text or file, and broken links between reviews', () => {
    const body =
      'See [the other](/reviews/nope) and [this](/reviews/x).\n\n<Still src="/images/stills/gone.jpg" alt="" />\n'
    expect(
      check(review({ hero: '\n  src: /images/stills/none.jpg\n  alt: A still' }, body)),
    ).toEqual([
      'content/reviews/x.mdx:8 hero.src: image not found: public/images/stills/none.jpg',
      'content/reviews/x.mdx:17 link: links to /reviews/nope, which is not a review on the site',
      'content/reviews/x.mdx:19 Still.alt: image has no alt text',
      'content/reviews/x.mdx:19 Still.src: image not found: public/images/stills/gone.jpg',
    ])
  })
  it('fails duplicate slugs and aliases', () => {
    const copy = { ...review(), path: 'content/reviews/2025/x.mdx' }
    expect(check(review(), copy)).toEqual([
      'content/reviews/2025/x.mdx:2 slug: duplicate review slug "x", also used by content/reviews/x.mdx',
    ])
  })
  it('checks a field against its pattern (an issue month is YYYY-MM)', () => {
    const bad = { ...issue, text: issue.text.replace('month: 2025-07', 'month: July 2025') }
    expect(checkContent([film, critic, bad, review()], options).map(formatProblem)).toEqual([
      'content/issues/july.yaml:2 month: must be a month like 2025-07',
    ])
  })
  it('checks the reviews an issue links to', () => {
    const broken = { ...issue, text: issue.text.replace('review: x', 'review: gone') }
    expect(checkContent([film, critic, broken, review()], options).map(formatProblem)).toEqual([
      'content/issues/july.yaml:10 inside.0.review: unknown review "gone"',
    ])
  })
})
