import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import config from '../../keystatic.config'
import { editorPreviewUrl, PREVIEWED, previewTarget } from './preview'

describe('the editor’s preview link', () => {
  it('is set on every collection and reaches the route that decides it', () => {
    for (const collection of Object.keys(PREVIEWED) as (keyof typeof PREVIEWED)[])
      expect(config.collections?.[collection]?.previewUrl).toBe(editorPreviewUrl(collection))
    // the route that answers it (a link to a page that does not exist once shipped here)
    const route = editorPreviewUrl('reviews')
      .replace('/reviews/', '/[collection]/')
      .replace('{slug}', '[slug]')
    expect(existsSync(path.join('app', route, 'route.ts'))).toBe(true)
  })

  it('opens a review straight away under next dev, with Draft Mode', () => {
    expect(previewTarget('reviews', 'sinners-2025', true)).toEqual({
      url: '/reviews/sinners-2025',
      draft: true,
    })
  })

  it('sends a review in production through the editor’s staff sign-in', () => {
    expect(previewTarget('reviews', 'sinners-2025', false)).toEqual({
      url: '/api/staff/preview?slug=sinners-2025',
      draft: false,
    })
  })

  it('opens films, critics and issues as their pages', () => {
    expect(previewTarget('films', 'sinners-2025', false)).toEqual({
      url: '/films/sinners-2025',
      draft: false,
    })
    expect(previewTarget('issues', 'august-2025', true)?.url).toBe('/issues/august-2025')
  })

  it('refuses what is not a collection or a slug', () => {
    expect(previewTarget('singletons', 'x', true)).toBeUndefined()
    expect(previewTarget('reviews', '../etc/passwd', false)).toBeUndefined()
    expect(previewTarget('reviews', 'https://evil.example', false)).toBeUndefined()
  })
})
