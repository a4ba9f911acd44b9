import { describe, expect, it } from 'vitest'
import { isPublished, publicationState } from '@/lib/content/publication.mjs'

const now = new Date('2025-06-05T12:00:00Z')

describe('the publication rule', () => {
  it('publishes a dated piece once its date has passed', () => {
    expect(isPublished({ date: '2025-06-05T00:00:00.000Z' }, now)).toBe(true)
  })
  it('holds back a draft whatever its date', () => {
    expect(publicationState({ draft: true, date: '2020-01-01' }, now)).toBe('draft')
  })
  it('schedules by publishAt, which wins over date', () => {
    const doc = { date: '2025-06-01', publishAt: '2025-06-05T12:00:01Z' }
    expect(publicationState(doc, now)).toBe('scheduled')
    expect(isPublished(doc, new Date('2025-06-05T12:00:01Z'))).toBe(true)
  })
  it('schedules a future date with no publishAt', () => {
    expect(publicationState({ date: '2099-01-01' }, now)).toBe('scheduled')
  })
})
