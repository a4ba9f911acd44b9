/** Toolbar icons for the editors' marks (16px, drawn in the text colour). */
const svg = (d: string) => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.5"
    aria-hidden="true"
  >
    <path d={d} />
  </svg>
)

/** Two quotation marks. */
export const pullQuoteIcon = svg('M3 9h3v4H2V8l2-4M10 9h3v4H9V8l2-4')
/** A box with two lines of text. */
export const asideIcon = svg('M2 2.5h12v11H2zM5 6h6M5 9h4')
