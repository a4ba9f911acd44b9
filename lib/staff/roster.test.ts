import { describe, expect, it } from 'vitest'
import { may, parseRoster, readRoster, roleOf } from './roster'

describe('the staff list', () => {
  it('gives each address its role, whatever the case it is written or typed in', () => {
    const roster = parseRoster(
      'staff:\n  - address: Ed@Example.com\n    role: editor\n  - address: m@example.com\n    role: marketing\n',
    )
    expect(roleOf(roster, 'ed@example.COM')).toBe('editor')
    expect(roleOf(roster, ' m@example.com ')).toBe('marketing')
    expect(roleOf(roster, 'reader@example.com')).toBeUndefined()
  })

  it('lets editors open the desk and both roles the signups, and nobody else either', () => {
    expect([may.desk('editor'), may.desk('marketing'), may.desk(undefined)]).toEqual([
      true,
      false,
      false,
    ])
    expect([may.signups('editor'), may.signups('marketing'), may.signups(undefined)]).toEqual([
      true,
      true,
      false,
    ])
  })

  it('names what is wrong with a bad entry', () => {
    expect(() => parseRoster('staff:\n  - address: nobody\n    role: owner\n')).toThrow(
      /staff\.0\.address: must be an email address[\s\S]*staff\.0\.role: must be one of: editor, marketing/,
    )
    expect(() =>
      parseRoster(
        'staff:\n  - address: a@example.com\n    role: editor\n  - address: A@example.com\n    role: marketing\n',
      ),
    ).toThrow(/lists a@example.com twice/)
    expect(() => parseRoster('staff: [')).toThrow(/not valid YAML/)
  })

  it('is empty when nobody is listed', () => {
    expect(parseRoster('').size).toBe(0)
    expect(parseRoster('staff: []\n').size).toBe(0)
  })

  it("reads the repository's own list", () => {
    const roster = readRoster()
    expect(roster.size).toBeGreaterThan(0)
    expect([...roster.values()]).toContain('editor')
  })
})
