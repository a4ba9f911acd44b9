import { describe, expect, it } from 'vitest'
import { editorStorage } from '@/lib/editor/storage'

describe('where the editor writes', () => {
  it('writes local files under next dev', () => {
    expect(editorStorage('development', undefined)).toEqual({ kind: 'local' })
  })
  it('writes to GitHub in production when a repository is named', () => {
    expect(editorStorage('production', 'intertitle/site')).toEqual({
      kind: 'github',
      repo: 'intertitle/site',
    })
  })
  it('is off in production without one, or with a malformed one', () => {
    expect(editorStorage('production', undefined)).toBeUndefined()
    expect(editorStorage('production', '')).toBeUndefined()
    expect(editorStorage('production', 'not a repo')).toBeUndefined()
  })
})
