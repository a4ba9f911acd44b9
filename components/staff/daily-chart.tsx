import { useId } from 'react'

type Series = { label: string; values: number[] }
type Props = {
  title: string
  description: string
  days: string[]
  /** Drawn as bars, in the accent colour. */
  bars: Series
  /** Drawn as a line over the bars, in the text colour. */
  line: Series
  className?: string
}

const W = 640
const H = 240
const LEFT = 44
const BOTTOM = 28
const TOP = 12

/** The smallest round number at or above `n` (1, 2 or 5 times a power of ten). */
function ceiling(n: number): number {
  if (n <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(n))
  return ([1, 2, 5, 10].find((step) => step * power >= n) ?? 10) * power
}

/**
 * Two figures per day drawn on the server as SVG: no chart library reaches the browser. Colours
 * are `currentColor` under the theme's text classes, so both themes read; it scales to the width
 * of a phone. The figures themselves are in a table beside it (screen readers get its title and
 * description here, the numbers there).
 */
export function DailyChart({ title, description, days, bars, line, className = '' }: Props) {
  const id = useId()
  const max = ceiling(Math.max(1, ...bars.values, ...line.values))
  const plotW = W - LEFT - 4
  const plotH = H - TOP - BOTTOM
  const step = plotW / Math.max(1, days.length)
  const y = (v: number) => TOP + plotH - (v / max) * plotH
  const points = line.values
    .map((v, i) => `${(LEFT + step * (i + 0.5)).toFixed(1)},${y(v).toFixed(1)}`)
    .join(' ')
  return (
    <figure className={`font-sans ${className}`}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}t ${id}d`}
        className="h-auto w-full"
      >
        <title id={`${id}t`}>{title}</title>
        <desc id={`${id}d`}>{description}</desc>
        {[0, max / 2, max].map((v) => (
          <g key={v} className="text-muted">
            <line
              x1={LEFT}
              x2={W - 4}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeOpacity={0.35}
            />
            <text x={LEFT - 6} y={y(v) + 5} textAnchor="end" fontSize={14} fill="currentColor">
              {Number.isInteger(v) ? v : v.toFixed(1)}
            </text>
          </g>
        ))}
        <g className="text-accent">
          {bars.values.map((v, i) => (
            <rect
              key={days[i]}
              x={LEFT + step * i + step * 0.1}
              width={Math.max(step * 0.8, 0.5)}
              y={y(v)}
              height={TOP + plotH - y(v)}
              fill="currentColor"
            />
          ))}
        </g>
        <polyline
          points={points}
          fill="none"
          stroke="currentColor"
          strokeWidth={2.5}
          strokeLinejoin="round"
          className="text-ink"
        />
        <g className="text-muted" fontSize={14} fill="currentColor">
          <text x={LEFT} y={H - 6}>
            {days[0]}
          </text>
          <text x={W - 4} y={H - 6} textAnchor="end">
            {days.at(-1)}
          </text>
        </g>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <span>
          <span aria-hidden="true" className="bg-accent mr-2 inline-block size-3 align-middle" />
          {bars.label} (bars)
        </span>
        <span>
          <span aria-hidden="true" className="bg-ink mr-2 inline-block h-0.5 w-4 align-middle" />
          {line.label} (line)
        </span>
      </figcaption>
    </figure>
  )
}
