import { describe, expect, it } from 'vitest'
import { breadcrumbNode, serializeJsonLd } from '@/lib/seo/structured-data'

describe('JSON-LD', () => {
  it('cannot be broken out of its script tag', () => {
    const text = serializeJsonLd([
      { name: '</script><script>alert(1)</script><!--', other: 'a & b \u2028' },
    ])
    expect(text).not.toMatch(/[<>]/)
    expect(text).not.toContain('\u2028')
    expect(JSON.parse(text)['@graph'][0].name).toBe('</script><script>alert(1)</script><!--')
  })
  it('numbers breadcrumb positions from one with absolute URLs', () => {
    const node = breadcrumbNode([
      { name: 'Home', href: '/' },
      { name: 'Reviews', href: '/reviews' },
    ])
    expect(node.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://localhost:3000/' },
      { '@type': 'ListItem', position: 2, name: 'Reviews', item: 'http://localhost:3000/reviews' },
    ])
  })
})
