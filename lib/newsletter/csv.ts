import type { Subscriber } from './store'

/**
 * CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, and a field
 * that holds a comma, a double quote, CR or LF wrapped in double quotes, with each quote
 * inside doubled.
 */

/**
 * Spreadsheets run a cell that starts with = + - or @ (some also tab or CR) as a formula, and
 * the campaign fields come from URLs anyone can write: `utm_campaign==HYPERLINK(...)` would run
 * on the computer of whoever opens the export. Such cells are written with a leading
 * apostrophe (OWASP's advice on CSV injection), which makes them text. The apostrophe stays
 * visible, and is the one change the export makes to what is stored.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRow(values: readonly (string | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n'
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
