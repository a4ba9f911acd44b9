import { encode, wrap } from 'nodemailer/lib/qp'

/** A text part already encoded, headers and body, which nodemailer sends as it is. */
export type EncodedBody = { raw: string }

/** Short enough that a soft line break's `=` after any line still fits in 76 characters. */
const LINE = 75

const quotedPrintable = (text: string) => wrap(encode(text.replace(/\r?\n/g, '\r\n')), LINE)

/**
 * One body for many readers, encoded once: each reader's value goes where `placeholder` stands,
 * and the rest is not encoded again (quoted-printable encoding each whole email was a measurable
 * share of a send: docs/benchmarks.md, "Figures from code comments"). Each value stands on a line of its own between soft line breaks, which
 * a mail client removes, so it reads exactly as if the whole body had been encoded with it.
 */
export function bodyTemplate(
  contentType: 'text/plain' | 'text/html',
  content: string,
  placeholder: string,
): (value: string) => EncodedBody {
  const head = `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`
  const pieces = content.split(placeholder).map(quotedPrintable)
  return (value) => ({ raw: head + pieces.join(`=\r\n${quotedPrintable(value)}=\r\n`) })
}
