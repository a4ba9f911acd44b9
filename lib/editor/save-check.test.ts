import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { problemsAfterSave } from '@/lib/editor/save-check'

const path = 'content/reviews/sinners-2025.mdx'
const original = readFileSync(path, 'utf8')
const save = (text: string, at = path) => ({
  additions: [{ path: at, contents: Buffer.from(text).toString('base64') }],
  deletions: [],
})

describe('a save from the editor meets the content check', () => {
  it('lets a good file through', () => {
    expect(problemsAfterSave(save(original))).toEqual([])
  })

  it('refuses a pull quote whose words are not in the body, in the check’s words', () => {
    const text = original.replace(
      '<PullQuote>The sequence',
      '<PullQuote>Words nobody wrote.</PullQuote>\n\n<PullQuote>The sequence',
    )
    const problems = problemsAfterSave(save(text))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      /^content\/reviews\/sinners-2025\.mdx:\d+ PullQuote: words are not in the review's body: "Words nobody wrote\."$/,
    )
  })

  it('refuses an unknown critic and a missing required field', () => {
    const text = original
      .replace('critic: hannah-okafor', 'critic: hanna-okafor')
      // the standfirst and any folded lines under it
      .replace(/^standfirst:.*\n(?: {2}.*\n)*/m, '')
    const problems = problemsAfterSave(save(text))
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^content\/reviews\/sinners-2025\.mdx:\d+ standfirst: is required$/)
    expect(problems[1]).toMatch(
      /^content\/reviews\/sinners-2025\.mdx:\d+ critic: unknown critic "hanna-okafor": did you mean hannah-okafor\?$/,
    )
  })

  it('blocks only on the files being saved, and not on pictures', () => {
    expect(problemsAfterSave(save('not checked', 'public/images/stills/x.jpg'))).toEqual([])
  })
})
