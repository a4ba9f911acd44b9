/** Small hand-drawn SVG charts for the README: no charting library, no fonts to fetch. */
const W = 640
const H = 320
const PAD = { top: 36, right: 24, bottom: 48, left: 64 }
const esc = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)

function frame(title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12"><rect width="${W}" height="${H}" fill="#fbfaf7"/><text x="${PAD.left}" y="22" font-size="14" font-weight="600" fill="#1a1a1a">${esc(title)}</text>${body}</svg>\n`
}

export function lineChart(
  title: string,
  points: { x: number; y: number }[],
  xLabel: string,
  yLabel: string,
): string {
  const maxX = Math.max(...points.map((p) => p.x), 1)
  const maxY = Math.max(...points.map((p) => p.y), 1) * 1.1
  const sx = (x: number) => PAD.left + (x / maxX) * (W - PAD.left - PAD.right)
  const sy = (y: number) => H - PAD.bottom - (y / maxY) * (H - PAD.top - PAD.bottom)
  const path = points
    .map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
    .join(' ')
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = sy(maxY * f)
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#d9d4ca"/><text x="${PAD.left - 8}" y="${y + 4}" text-anchor="end" fill="#55524c">${Math.round(maxY * f)}</text>`
  })
  const dots = points.map(
    (p) =>
      `<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="4" fill="#b3122e"/><text x="${sx(p.x)}" y="${H - PAD.bottom + 16}" text-anchor="middle" fill="#55524c">${p.x}</text>`,
  )
  const labels = `<text x="${W / 2}" y="${H - 10}" text-anchor="middle" fill="#1a1a1a">${esc(xLabel)}</text><text transform="translate(16 ${H / 2}) rotate(-90)" text-anchor="middle" fill="#1a1a1a">${esc(yLabel)}</text>`
  return frame(
    title,
    `${ticks.join('')}<path d="${path}" fill="none" stroke="#b3122e" stroke-width="2.5"/>${dots.join('')}${labels}`,
  )
}

export function stackedBars(
  title: string,
  bars: { label: string; parts: Record<string, number> }[],
  unit: string,
): string {
  const colours = ['#1a1a1a', '#b3122e', '#e8a0aa', '#7a7366', '#d9a441', '#4a6fa5']
  const keys = [...new Set(bars.flatMap((b) => Object.keys(b.parts)))]
  const max =
    Math.max(...bars.map((b) => Object.values(b.parts).reduce((a, c) => a + c, 0)), 1) * 1.1
  const bw = (W - PAD.left - PAD.right) / bars.length
  const sy = (v: number) => (v / max) * (H - PAD.top - PAD.bottom)
  const body = bars.map((b, i) => {
    let y = H - PAD.bottom
    const x = PAD.left + i * bw + bw * 0.2
    const rects = keys.map((k, j) => {
      const h = sy(b.parts[k] ?? 0)
      y -= h
      return `<rect x="${x}" y="${y}" width="${bw * 0.6}" height="${h}" fill="${colours[j % colours.length]}"/>`
    })
    const total = Object.values(b.parts).reduce((a, c) => a + c, 0)
    return `${rects.join('')}<text x="${x + bw * 0.3}" y="${y - 6}" text-anchor="middle" fill="#1a1a1a">${Math.round(total)} ${esc(unit)}</text><text x="${x + bw * 0.3}" y="${H - PAD.bottom + 16}" text-anchor="middle" fill="#55524c">${esc(b.label)}</text>`
  })
  const legend = keys.map(
    (k, j) =>
      `<rect x="${PAD.left + j * 95}" y="${H - 20}" width="10" height="10" fill="${colours[j % colours.length]}"/><text x="${PAD.left + j * 95 + 14}" y="${H - 11}" fill="#1a1a1a">${esc(k)}</text>`,
  )
  return frame(title, body.join('') + legend.join(''))
}
