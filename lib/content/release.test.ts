import { describe, expect, it } from 'vitest'
import { releaseLine, type ReleaseInfo } from '@/lib/content/release'

const cinemas: ReleaseInfo = {
  date: '2025-06-06T00:00:00.000+01:00',
  territory: 'UK',
  form: 'cinemas',
}

describe('releaseLine', () => {
  it('writes the reference form for a cinema release', () => {
    expect(releaseLine('Ballerina', cinemas, '2025-06-05')).toBe(
      'Ballerina is in UK cinemas from 6 June.',
    )
  })
  it('names the streaming service', () => {
    expect(
      releaseLine('Bird', { ...cinemas, form: 'streaming', service: 'MUBI' }, '2025-06-05'),
    ).toBe('Bird is streaming on MUBI from 6 June.')
  })
  it('covers digital and disc releases', () => {
    expect(releaseLine('X', { ...cinemas, form: 'digital' }, '2025-01-01')).toBe(
      'X is on digital from 6 June.',
    )
    expect(releaseLine('X', { ...cinemas, form: 'disc', format: '4K UHD' }, '2025-01-01')).toBe(
      'X is on 4K UHD from 6 June.',
    )
    expect(releaseLine('X', { ...cinemas, form: 'disc' }, '2025-01-01')).toBe(
      'X is on Blu-ray from 6 June.',
    )
  })
  it('adds the year when it is not the year of publication', () => {
    expect(releaseLine('X', { ...cinemas, date: '2026-01-09' }, '2025-12-01')).toBe(
      'X is in UK cinemas from 9 January 2026.',
    )
  })
  it('uses London time, so a midnight BST date stays on its day', () => {
    expect(releaseLine('X', { ...cinemas, date: '2025-06-05T23:30:00Z' }, '2025-06-01')).toBe(
      'X is in UK cinemas from 6 June.',
    )
  })
})
