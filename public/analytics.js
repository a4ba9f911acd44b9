// The page-view beacon: no cookie, no storage (docs/analytics.md).
;(function () {
  var nav = window.navigation
  var last = ''
  var first = true
  function send() {
    var p = location.pathname
    if (p === last || /^\/(staff|keystatic)(\/|$)/.test(p)) return
    last = p
    var r = first ? document.referrer : ''
    first = false
    navigator.sendBeacon(
      '/api/analytics',
      JSON.stringify({ p: p, q: location.search.slice(0, 400), r: r.slice(0, 400), w: innerWidth }),
    )
  }
  function whenIdle() {
    if (window.requestIdleCallback) requestIdleCallback(send, { timeout: 5000 })
    else setTimeout(send, 1)
  }
  function start() {
    if (document.prerendering)
      document.addEventListener('prerenderingchange', whenIdle, { once: true })
    else whenIdle()
  }
  if (document.readyState === 'complete') start()
  else addEventListener('load', start, { once: true })
  if (nav) nav.addEventListener('currententrychange', whenIdle)
})()
