import type { Subscriber } from './store'

import { stringify } from 'csv-stringify/sync'

/**
 * Spreadsheets run a cell that starts with = + - or @ (some also tab or CR) as a formula, and
 * the campaign fields come from URLs anyone can write: `utm_campaign==HYPERLINK(...)` would run
 * on the computer of whoever opens the export. A spreadsheet that splits on another separator
 * (`;` in many locales, a tab, a pipe) or at a line break would also run `x;=1+1` from its second
 * part. So every formula start, at the beginning of a cell or after any such separator (spaces
 * between allowed), is written after an apostrophe, which makes it text (OWASP's advice on CSV
 * injection). The apostrophe stays visible, and is the one change the export makes to what is
 * stored.
 */
const FORMULA_START = /(^|[,;|\t\r\n])( *)(?=[=+\-@\t\r])/g

export function neutraliseFormulas(text: string): string {
  return text.replace(FORMULA_START, "$1$2'")
}

/**
 * One CSV record (RFC 4180: commas, CRLF), written by csv-stringify: every text cell quoted, quotes
 * inside doubled, formula starts neutralised; numbers bare; a missing value an empty cell.
 */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return stringify([values], {
    quoted_string: true,
    record_delimiter: 'windows',
    cast: { string: neutraliseFormulas },
  })
}

/** The export's columns, in order: the header, and the field it comes from. */
const columns = [
  ['email', 'email'],
  ['status', 'status'],
  ['consented_at', 'consentedAt'],
  ['consent_text', 'consentText'],
  ['consent_version', 'consentVersion'],
  ['confirmed_at', 'confirmedAt'],
  ['unsubscribed_at', 'unsubscribedAt'],
  ['bounced_at', 'bouncedAt'],
  ['source_path', 'sourcePath'],
  ['source_review', 'sourceReview'],
  ['source_issue', 'sourceIssue'],
  ['utm_source', 'utmSource'],
  ['utm_medium', 'utmMedium'],
  ['utm_campaign', 'utmCampaign'],
  ['utm_content', 'utmContent'],
  ['utm_term', 'utmTerm'],
] as const satisfies readonly (readonly [string, keyof Subscriber])[]

export const subscriberCsvHeader = csvRow(columns.map(([header]) => header))

export function subscriberCsvRow(subscriber: Subscriber): string {
  return csvRow(columns.map(([, field]) => subscriber[field]))
}
