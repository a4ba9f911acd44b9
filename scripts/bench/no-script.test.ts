import { describe, expect, it } from 'vitest'
import { withoutScripts } from './no-script'

describe('the no-script yardstick', () => {
  it('removes every script that would run and every script preload, and nothing else', () => {
    const page = [
      '<head><link rel="stylesheet" href="/a.css"/>',
      '<link rel="preload" href="/f.woff2" as="font" crossorigin=""/>',
      '<link rel="preload" as="script" href="/_next/static/chunks/a.js"/>',
      '<link rel="modulepreload" href="/m.js"/>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      '<script>document.documentElement.dataset.theme="dark"</script></head>',
      '<body><p>Text</p><script type="application/ld+json">{"@type":"Review"}</script>',
      '<script type="module">import "/x.js"</script>',
      '<script>self.__next_f.push([1,"a"])</script></body>',
    ].join('')
    expect(withoutScripts(page)).toBe(
      [
        '<head><link rel="stylesheet" href="/a.css"/>',
        '<link rel="preload" href="/f.woff2" as="font" crossorigin=""/>',
        '</head><body><p>Text</p><script type="application/ld+json">{"@type":"Review"}</script>',
        '</body>',
      ].join(''),
    )
  })
})
