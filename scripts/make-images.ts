/**
 * make-images: every picture on Intertitle is drawn here, in code, so the site ships no downloaded
 * or stock art and any image can be rebuilt byte-for-byte. Renders each /images/(stills|covers)/*.jpg
 * referenced under CONTENT_DIR that is missing (all with --force) from a seeded SVG, plus the brand mark.
 * Usage: npx tsx scripts/make-images.ts [--force] [--out DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { parse } from 'yaml'

const REF = /\/images\/(?:stills|covers)\/[a-z0-9-]+\.jpg/g
const W = 1600
const H = 900
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

type Rng = () => number
type Scene = (r: Rng, p: Palette) => [markup: string, fogY: number]
interface Palette {
  sky: readonly [string, string, string]
  glow: string
  ground: string
}
interface Issue {
  number: number
  month: string
  coverLine: string
}

const PALETTES: readonly Palette[] = [
  { sky: ['#0b1d2a', '#1f4e5f', '#e07b39'], glow: '#ffb36b', ground: '#071015' }, // teal & orange dusk
  { sky: ['#05070d', '#1a2540', '#4a6a8a'], glow: '#cfe3ff', ground: '#020305' }, // blue noir
  { sky: ['#12040a', '#4a0d1e', '#b3122e'], glow: '#ff8a6b', ground: '#080205' }, // crimson night
  { sky: ['#2a1a0e', '#8a4b1f', '#f2b35e'], glow: '#fff0c2', ground: '#1a0f08' }, // desert gold
  { sky: ['#050a07', '#1c3328', '#7d9a5a'], glow: '#e8f0a0', ground: '#030604' }, // sodium green
  { sky: ['#0d0618', '#3b1a5c', '#c04a9a'], glow: '#ffb0e0', ground: '#06030c' }, // violet neon
  { sky: ['#1b2230', '#5a6a80', '#d8c6b0'], glow: '#fff6e8', ground: '#10141c' }, // steel dawn
  { sky: ['#06141a', '#0f3b4a', '#5fb3c4'], glow: '#e0fbff', ground: '#030a0d' }, // ice cyan
  { sky: ['#1a0a1f', '#6b1f4a', '#f08a4b'], glow: '#ffd0a0', ground: '#0c040d' }, // magenta sunset
]

/** FNV-1a: a stable 32-bit seed from a file name. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}
/** mulberry32: small deterministic PRNG. */
function rng(seed: number): Rng {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T // xs is never empty here
const pick = <T>(r: Rng, xs: readonly T[]): T => at(xs, Math.floor(r() * xs.length))
const f = (v: number): string => String(Math.round(v * 10) / 10)
const between = (r: Rng, lo: number, hi: number): number => lo + r() * (hi - lo)

function mix(a: string, b: string, t: number): string {
  const ch = (hex: string, i: number): number => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16)
  const c = [0, 1, 2].map((i) => Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t))
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c] ?? 'amp'};`,
  )
}

/** Shared gradients: sky, sun glow, light beam, fog, vignette, grain. */
function defs(p: Palette, seed: number): string {
  return `<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="0.55" stop-color="${p.sky[1]}"/><stop offset="1" stop-color="${p.sky[2]}"/></linearGradient>
<radialGradient id="sun"><stop offset="0" stop-color="${p.glow}" stop-opacity="0.95"/><stop offset="0.12" stop-color="${p.glow}" stop-opacity="0.55"/><stop offset="1" stop-color="${p.sky[2]}" stop-opacity="0"/></radialGradient>
<linearGradient id="beam" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.glow}" stop-opacity="0.45"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0"/></linearGradient>
<linearGradient id="fog" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.glow}" stop-opacity="0"/><stop offset="0.5" stop-color="${p.glow}" stop-opacity="0.16"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0"/></linearGradient>
<radialGradient id="vig" cx="0.5" cy="0.5" r="0.75"><stop offset="0.45" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.8"/></radialGradient>
<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.85" numOctaves="1" seed="${seed % 997}"/><feColorMatrix values="2 0 0 0 -0.5 2 0 0 0 -0.5 2 0 0 0 -0.5 0 0 0 0 1"/></filter>
</defs>`
}
/** A jagged ridge line closed to the bottom edge. */
function ridge(r: Rng, y: number, amp: number, steps: number, fill: string): string {
  const pts = Array.from(
    { length: steps + 1 },
    (_, i) => `${f((i / steps) * W)},${f(y - r() * amp)}`,
  )
  return `<path d="M0,${H} L${pts.join(' L')} L${W},${H} Z" fill="${fill}"/>`
}
/** A standing figure: head and coat, pure geometry. */
function figure(x: number, base: number, h: number, fill: string): string {
  const w = h * 0.26
  return `<path d="M${f(x - w / 2)},${f(base)} L${f(x - w * 0.38)},${f(base - h * 0.8)} Q${f(x)},${f(base - h * 0.9)} ${f(x + w * 0.38)},${f(base - h * 0.8)} L${f(x + w / 2)},${f(base)} Z" fill="${fill}"/><circle cx="${f(x)}" cy="${f(base - h * 0.9)}" r="${f(h * 0.075)}" fill="${fill}"/>`
}
function sunAt(x: number, y: number, rad: number): string {
  return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(rad)}" fill="url(#sun)"/>`
}
const horizon: Scene = (r, p) => {
  const hy = between(r, 0.5, 0.68) * H
  const sx = between(r, 0.2, 0.8) * W
  const sky = `<rect width="${W}" height="${H}" fill="url(#sky)"/>${sunAt(sx, hy - 40, between(r, 300, 600))}`
  if (r() < 0.5) {
    const glints = Array.from({ length: 16 }, (_, i) => {
      const w = between(r, 20, 110) * (1 + i / 3)
      return `<rect x="${f(sx - w / 2 + between(r, -30, 30) * (1 + i / 4))}" y="${f(hy + 6 + i * i * 1.6)}" width="${f(w)}" height="${f(1.5 + i * 0.35)}" fill="${p.glow}" opacity="${f(0.75 - i * 0.04)}"/>`
    })
    return [
      `${sky}${ridge(r, hy, 50, 12, mix(p.ground, p.sky[1], 0.4))}<rect y="${f(hy)}" width="${W}" height="${f(H - hy)}" fill="${mix(p.ground, p.sky[1], 0.25)}"/>${glints.join('')}`,
      hy,
    ]
  }
  const layers = [0.55, 0.3, 0].map((t, i) =>
    ridge(r, hy + i * 70, 140 - i * 35, 6 + Math.floor(r() * 8), mix(p.ground, p.sky[1], t)),
  )
  return [
    `${sky}${layers.join('')}${figure(between(r, 0.15, 0.85) * W, H - 30, between(r, 90, 180), p.ground)}`,
    hy,
  ]
}
const city: Scene = (r, p) => {
  const base = between(r, 0.62, 0.78) * H
  const row = (shade: string, maxH: number, lit: boolean): string => {
    let out = ''
    for (let x = -20; x < W;) {
      const w = between(r, 40, 150)
      const h = between(r, 40, maxH)
      out += `<rect x="${f(x)}" y="${f(base - h)}" width="${f(w)}" height="${f(h + H)}" fill="${shade}"/>`
      if (lit && r() < 0.6)
        for (let k = 0; k < 5; k++)
          out += `<rect x="${f(x + between(r, 6, w - 14))}" y="${f(base - between(r, 12, h - 10))}" width="5" height="7" fill="${p.glow}" opacity="${f(between(r, 0.3, 0.8))}"/>`
      x += w + between(r, 0, 10)
    }
    return out
  }
  return [
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>${sunAt(between(r, 0.3, 0.7) * W, base, 700)}${row(mix(p.ground, p.sky[1], 0.5), 380, false)}<rect y="${f(base - 30)}" width="${W}" height="${H}" fill="${p.ground}"/>${row(p.ground, 240, true)}`,
    base - 200,
  ]
}
const interior: Scene = (r, p) => {
  const [left, floor, ww, count] = [
    r() < 0.5,
    H * 0.78,
    between(r, 150, 250),
    1 + Math.floor(r() * 3),
  ]
  const top = floor * between(r, 0.12, 0.35)
  const x0 = left ? between(r, 0.05, 0.2) * W : between(r, 0.62, 0.82) * W - (count - 1) * (ww + 70)
  const xs = Array.from({ length: count }, (_, i) => x0 + i * (ww + 70))
  const panes = xs.map(
    (x) =>
      `<rect x="${f(x)}" y="${f(top)}" width="${f(ww)}" height="${f(floor - top)}" fill="url(#sky)"/>`,
  )
  const bars = xs.map(
    (x) =>
      [0.33, 0.66]
        .map(
          (t) =>
            `<rect x="${f(x)}" y="${f(top + t * (floor - top) - 6)}" width="${f(ww)}" height="12" fill="${p.ground}"/>`,
        )
        .join('') +
      `<rect x="${f(x + ww / 2 - 6)}" y="${f(top)}" width="12" height="${f(floor - top)}" fill="${p.ground}"/>`,
  )
  const shift = (left ? 1 : -1) * between(r, 350, 650) // light shafts slant into the room
  const beams = xs.map(
    (x) =>
      `<path d="M${f(x)},${f(top)} L${f(x + ww)},${f(top)} L${f(x + ww + shift)},${H} L${f(x + shift)},${H} Z" fill="url(#beam)" opacity="${f(between(r, 0.5, 0.8))}"/>`,
  )
  const fx = left ? (xs.at(-1) ?? x0) + ww + between(r, 200, 450) : x0 - between(r, 200, 450)
  return [
    `<rect width="${W}" height="${H}" fill="${mix(p.ground, p.sky[1], 0.35)}"/><rect y="${f(floor)}" width="${W}" height="${f(H - floor)}" fill="${p.ground}"/>
${panes.join('')}${sunAt(x0 + (count * (ww + 70)) / 2, floor * 0.5, 420 + count * 120)}${bars.join('')}${beams.join('')}${r() < 0.3 ? '' : figure(fx, H - 40, between(r, 260, 420), mix(p.ground, '#000000', 0.4))}`,
    floor * 0.55,
  ]
}
const road: Scene = (r, p) => {
  const hy = between(r, 0.5, 0.6) * H
  const vx = between(r, 0.35, 0.65) * W
  const poles = Array.from({ length: 7 }, (_, i) => {
    const [t, x] = [0.72 ** i, vx + W * 0.55 * 0.72 ** i]
    return `<rect x="${f(x)}" y="${f(hy - 420 * t)}" width="${f(Math.max(2, 14 * t))}" height="${f(420 * t)}" fill="${p.ground}"/><rect x="${f(x - 60 * t)}" y="${f(hy - 400 * t)}" width="${f(134 * t)}" height="${f(Math.max(1.5, 8 * t))}" fill="${p.ground}"/>`
  }).join('')
  return [
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>${sunAt(vx, hy, between(r, 400, 700))}<rect y="${f(hy)}" width="${W}" height="${f(H - hy)}" fill="${p.ground}"/>
<path d="M${f(vx - 3)},${f(hy)} L${f(vx + 3)},${f(hy)} L${f(vx + 700)},${H} L${f(vx - 700)},${H} Z" fill="${mix(p.ground, p.sky[1], 0.45)}"/><path d="M${f(vx)},${f(hy)} L${f(vx + 8)},${H} L${f(vx - 8)},${H} Z" fill="${p.glow}" opacity="0.35"/>${poles}`,
    hy,
  ]
}
const searchlights: Scene = (r, p) => {
  const beams = Array.from({ length: 2 + Math.floor(r() * 3) }, () => {
    const x = between(r, 0.1, 0.9) * W
    const a = between(r, -0.6, 0.6)
    return `<path d="M${f(x - 6)},${H} L${f(x + 6)},${H} L${f(x + Math.tan(a) * H + 90)},0 L${f(x + Math.tan(a) * H - 90)},0 Z" fill="${p.glow}" opacity="${f(between(r, 0.08, 0.2))}"/>`
  })
  return [
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>${beams.join('')}${sunAt(W / 2, H, 900)}${ridge(r, H * 0.82, 60, 20, p.ground)}`,
    H * 0.78,
  ]
}
const doorway: Scene = (r, p) => {
  const [dx, dw, top, floor] = [
    between(r, 0.3, 0.62) * W,
    between(r, 150, 230),
    between(r, 0.15, 0.3) * H,
    H * 0.8,
  ]
  const spill = `M${f(dx)},${f(floor)} L${f(dx + dw)},${f(floor)} L${f(dx + dw + 300)},${H} L${f(dx - 300)},${H} Z`
  return [
    `<rect width="${W}" height="${H}" fill="${mix(p.ground, p.sky[1], 0.3)}"/><rect y="${f(floor)}" width="${W}" height="${f(H - floor)}" fill="${p.ground}"/>
<rect x="${f(dx)}" y="${f(top)}" width="${f(dw)}" height="${f(floor - top)}" fill="url(#sky)"/>${sunAt(dx + dw / 2, floor - 60, between(r, 380, 560))}<path d="${spill}" fill="${p.glow}" opacity="0.3"/>${figure(dx + dw / 2, floor + 6, (floor - top) * between(r, 0.55, 0.8), p.ground)}`,
    floor * 0.6,
  ]
}
const SCENES: readonly Scene[] = [horizon, city, interior, doorway, road, searchlights]

/** The picture layers of a still (no wrapper), reused inside covers. */
function scene(name: string, fixed?: Palette): string {
  const seed = hash(name)
  const r = rng(seed)
  const [a, b, t] = [pick(r, PALETTES), pick(r, PALETTES), between(r, 0, 0.45)] // blend two palettes for range
  const p = fixed ?? {
    sky: [mix(a.sky[0], b.sky[0], t), mix(a.sky[1], b.sky[1], t), mix(a.sky[2], b.sky[2], t)],
    glow: mix(a.glow, b.glow, t),
    ground: mix(a.ground, b.ground, t),
  }
  const [body, fogY] = pick(r, SCENES)(r, p)
  const box =
    !fixed && r() < 0.4
      ? `<rect width="${W}" height="115" fill="#000"/><rect y="${H - 115}" width="${W}" height="115" fill="#000"/>`
      : ''
  return `${defs(p, seed)}${body}<rect y="${f(fogY - 160)}" width="${W}" height="320" fill="url(#fog)"/><rect width="${W}" height="${H}" fill="url(#vig)"/><rect width="${W}" height="${H}" filter="url(#grain)" opacity="0.1"/>${box}`
}

/** Greedy word wrap to at most `max` characters a line, then narrowed while the line count holds (even rag). */
function wrap(text: string, max: number, balance = false): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= max)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return balance && max > 8 && wrap(text, max - 1).length === lines.length
    ? wrap(text, max - 1, true)
    : lines
}
/** Splits "Kicker: the line" and picks the largest size that fits the line in a few lines. */
function coverLineLayout(coverLine: string): { kicker: string; lines: string[]; size: number } {
  const colon = coverLine.indexOf(':')
  const kicker = colon > 0 && colon < 24 ? coverLine.slice(0, colon) : ''
  const rest = kicker ? coverLine.slice(colon + 1).trim() : coverLine
  const line = rest.charAt(0).toUpperCase() + rest.slice(1)
  const perLine = (size: number): number => Math.floor(1040 / (size * 0.56)) // ~0.56em per glyph
  const sizes = [
    [112, 3],
    [96, 3],
    [84, 4],
    [72, 4],
    [62, 5],
  ] as const
  const size = sizes.find(([s, n]) => wrap(line, perLine(s)).length <= n)?.[0] ?? 54
  return { kicker, lines: wrap(line, perLine(size), true), size }
}
function coverSvg(slug: string, issue: Issue): string {
  const r = rng(hash(`cover:${slug}`))
  const p = at(PALETTES, Math.abs(issue.number) * 5) // consecutive issues differ
  const [year, mm] = issue.month.split('-')
  const date = `${MONTHS[Number(mm) - 1] ?? ''} ${year ?? ''}`.toUpperCase()
  const { kicker, lines, size } = coverLineLayout(issue.coverLine)
  const textTop = 1600 - 90 - (lines.length - 1) * size * 1.05
  const frame = at(
    [
      'M250,1010 V640 A350,350 0 0 1 950,640 V1010 Z', // arch
      'M600,380 A330,330 0 1 1 599.9,380 Z', // disc
      'M300,400 H900 V1010 H300 Z', // tall frame
    ],
    Math.abs(issue.number),
  )
  const ring = `<circle cx="${f(between(r, 780, 920))}" cy="${f(between(r, 420, 520))}" r="${f(between(r, 110, 170))}" fill="${p.glow}" opacity="0.9"/>`
  const bars = Array.from(
    { length: 4 },
    (_, i) =>
      `<rect x="${120 + i * 38}" y="${f(between(r, 700, 820))}" width="18" height="260" fill="${p.sky[2]}"/>`,
  ).join('')
  const tspans = lines
    .map((l, i) => `<tspan x="80" dy="${i === 0 ? 0 : f(size * 1.05)}">${escapeXml(l)}</tspan>`)
    .join('')
  const sans = 'font-family="DejaVu Sans" font-weight="700"'
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600" viewBox="0 0 1200 1600">
<rect width="1200" height="1600" fill="${mix(p.sky[1], '#000000', 0.5)}"/>${bars}
<clipPath id="frame"><path d="${frame}"/></clipPath>
<g clip-path="url(#frame)"><svg x="150" y="300" width="900" height="760" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid slice">${scene(`cover:${slug}`, p)}</svg></g>
${ring}<path d="${frame}" fill="none" stroke="#fbfaf7" stroke-width="6"/>
<text x="600" y="205" text-anchor="middle" font-family="Liberation Serif" font-weight="700" font-size="168" fill="#fbfaf7">INTERTITLE</text>
<rect x="80" y="238" width="1040" height="4" fill="#fbfaf7"/>
<text y="282" ${sans} font-size="26" letter-spacing="4" fill="#fbfaf7"><tspan x="80">${escapeXml(date)}</tspan><tspan x="600" text-anchor="middle" font-family="DejaVu Serif" font-style="italic" font-weight="400" letter-spacing="1" fill="${p.glow}">The film monthly</tspan><tspan x="1120" text-anchor="end">${escapeXml(`No. ${issue.number}`)}</tspan></text>
${kicker ? `<text x="80" y="${f(textTop - size - 10)}" ${sans} font-size="40" letter-spacing="6" fill="${p.glow}">${escapeXml(kicker.toUpperCase())}</text>` : ''}
<text y="${f(textTop)}" font-family="DejaVu Serif" font-weight="700" font-size="${size}" fill="#fbfaf7">${tspans}</text>
</svg>`
}

/** Brand mark: a capital-I beam between two rows of sprocket holes; crimson and paper, no fonts. */
const MARK = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><rect width="64" height="64" rx="10" fill="#b3122e"/>
<path fill="#fbfaf7" d="M20 14h24v7h-8.5v22H44v7H20v-7h8.5V21H20zM7 10h6v6H7zM7 22h6v6H7zM7 36h6v6H7zM7 48h6v6H7zM51 10h6v6h-6zM51 22h6v6h-6zM51 36h6v6h-6zM51 48h6v6h-6z"/></svg>
`

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? walk(full) : /\.(mdx|ya?ml)$/.test(e.name) ? [full] : []
  })
}
function collectRefs(contentDir: string): string[] {
  const refs = new Set<string>()
  for (const file of walk(contentDir))
    for (const m of readFileSync(file, 'utf8').matchAll(REF)) refs.add(m[0])
  return [...refs].sort()
}

/** Reads content/issues/<slug>.yaml; returns an error message instead when unusable. */
function readIssue(contentDir: string, slug: string): Issue | string {
  const file = path.join(contentDir, 'issues', `${slug}.yaml`)
  if (!existsSync(file)) return `cover ${slug}.jpg: issue file missing: ${file}`
  const data: unknown = parse(readFileSync(file, 'utf8'))
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
  const month = String(d.month ?? '')
  if (
    typeof d.number !== 'number' ||
    !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ||
    typeof d.coverLine !== 'string'
  )
    return `cover ${slug}.jpg: ${file} needs number, month (YYYY-MM) and coverLine`
  return { number: d.number, month, coverLine: d.coverLine }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const out = path.resolve(
    args.includes('--out') ? (args[args.indexOf('--out') + 1] ?? 'public') : 'public',
  )
  const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
  const refs = existsSync(contentDir) ? collectRefs(contentDir) : []
  if (!existsSync(contentDir))
    console.warn(`No content folder at ${contentDir}; only the brand mark is written.`)
  const errors: string[] = []
  let [written, skipped] = [0, 0]
  for (const ref of refs) {
    const file = path.join(out, ref)
    if (!force && existsSync(file)) {
      skipped++
      continue
    }
    const name = path.basename(ref, '.jpg')
    let svg: string
    if (ref.startsWith('/images/covers/')) {
      const issue = readIssue(contentDir, name)
      if (typeof issue === 'string') {
        errors.push(issue)
        continue
      }
      svg = coverSvg(name, issue)
    } else
      svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${scene(name)}</svg>`
    mkdirSync(path.dirname(file), { recursive: true })
    const info = await sharp(Buffer.from(svg))
      .jpeg({ quality: 78, progressive: true, mozjpeg: true })
      .toFile(file)
    console.log(
      `wrote ${path.relative(process.cwd(), file)} (${info.width}x${info.height}, ${Math.round(info.size / 1024)} KB)`,
    )
    written++
  }
  const mark = path.join(out, 'images/brand/mark.svg')
  mkdirSync(path.dirname(mark), { recursive: true })
  writeFileSync(mark, MARK)
  console.log(`wrote ${path.relative(process.cwd(), mark)}`)
  console.log(
    `${refs.length} image reference(s): ${written} generated, ${skipped} already present, ${errors.length} failed.`,
  )
  if (errors.length > 0) {
    for (const e of errors) console.error(`error: ${e}`)
    process.exit(1)
  }
}

await main()
