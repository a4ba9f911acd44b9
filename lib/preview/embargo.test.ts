import { describe, expect, it } from 'vitest'
import { embargoedImage, unknownImage } from './embargo'

const url = (path: string) => new URL(path, 'http://intertitle.test')
const draftHero = '/images/stills/the-lantern-keeper-2025-hero.jpg'

describe('embargoed images', () => {
  it("a draft's still is embargoed, directly and through the optimiser, and becomes an unknown image", () => {
    expect(embargoedImage(url(draftHero))).toBe(draftHero)
    expect(unknownImage(url(draftHero)).pathname).toBe('/images/not-found')
    const optimised = url(`/_next/image?url=${encodeURIComponent(draftHero)}&w=640&q=75`)
    expect(embargoedImage(optimised)).toBe(draftHero)
    const unknown = unknownImage(optimised)
    expect(`${unknown.pathname}${unknown.search}`).toBe(
      '/_next/image?url=%2Fimages%2Fnot-found&w=640&q=75',
    )
    expect(embargoedImage(url(draftHero.replace('/stills/the', '/stills/%74he')))).toBe(draftHero)
  })

  it('published pieces, covers, unknown files and pages are left alone', () => {
    expect(embargoedImage(url('/images/stills/ballerina-2025-hero.jpg'))).toBeUndefined()
    expect(embargoedImage(url('/images/covers/july-2025.jpg'))).toBeUndefined()
    expect(embargoedImage(url('/reviews/x'))).toBeUndefined()
    expect(embargoedImage(url('/images/%ZZ'))).toBeUndefined()
  })
})
