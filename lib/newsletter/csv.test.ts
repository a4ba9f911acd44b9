import { describe, expect, it } from 'vitest'
import { csvRow, neutraliseFormulas, subscriberCsvHeader, subscriberCsvRow } from './csv'
import type { Subscriber } from './store'

/** A strict RFC 4180 reader, to check that what is written reads back as meant. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    let cell = ''
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"' && text[i + 1] === '"') cell += text[i++]
        else if (text[i] === '"') break
        else cell += text[i]
      }
      i++
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`)
        cell += text[i++]
      }
    }
    record.push(cell)
    if (text[i] === ',') i++
    else if (text.startsWith('\r\n', i)) {
      records.push(record)
      record = []
      i += 2
    } else throw new Error(`expected , or CRLF at ${i}`)
  }
  if (record.length) throw new Error('last record not ended by CRLF')
  return records
}

/** One cell as written. */
const csvCell = (value: string | number | null | undefined) => csvRow([value]).slice(0, -2)

describe('cells', () => {
  it('quotes every text cell, writes numbers bare and nothing for a missing value', () => {
    expect(csvCell('ann@example.com')).toBe('"ann@example.com"')
    expect(csvCell('a-b+c@example.com')).toBe('"a-b+c@example.com"')
    expect(csvCell('2025-06-05T08:30:00.000Z')).toBe('"2025-06-05T08:30:00.000Z"')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell('')).toBe('""')
  })

  it('doubles the quotes inside a cell', () => {
    expect(csvCell('Yes, email me')).toBe('"Yes, email me"')
    expect(csvCell('the "Intertitle"')).toBe('"the ""Intertitle"""')
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"')
    expect(csvCell('"')).toBe('""""')
  })

  it.each(['=HYPERLINK("http://evil.example")', '+1', '-1+2', '@SUM(A1)', '\tTAB', '\rCR'])(
    'turns %j, which a spreadsheet would run, into text',
    (value) => {
      expect(parseCsv(`${csvCell(value)}\r\n`)[0]![0]!.startsWith(`'${value.slice(0, 1)}`)).toBe(
        true,
      )
    },
  )

  it('neutralises a formula after any separator a spreadsheet might split on', () => {
    // The red team's repro: /newsletter?utm_source=x;=1+1, opened where the separator is `;`.
    expect(neutraliseFormulas('x;=1+1')).toBe("x;'=1+1")
    expect(neutraliseFormulas('a,+1')).toBe("a,'+1")
    expect(neutraliseFormulas('a|  @SUM(A1)')).toBe("a|  '@SUM(A1)")
    expect(neutraliseFormulas('a\t-1')).toBe("a\t'-1")
    expect(neutraliseFormulas('line\n=x')).toBe("line\n'=x")
    expect(csvCell('x;=1+1')).toBe(`"x;'=1+1"`)
    // Signs inside words or addresses are not formula starts.
    for (const plain of ['a-b+c@example.com', 'june-issue', 'x=1', 'Yes - email me'])
      expect(neutraliseFormulas(plain)).toBe(plain)
  })
})

describe('csvRow', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', null, 'c'])).toBe('"a",,"c"\r\n')
  })

  it('reads back as written, whatever the cells hold', () => {
    const awkward = [
      'plain',
      '',
      'com,ma',
      'quo"te',
      '"',
      'cr\rlf\n',
      'über «ça»',
      ' spaced ',
      "'already quoted",
    ]
    expect(parseCsv(csvRow(awkward) + csvRow(['x']))).toEqual([awkward, ['x']])
  })
})

describe('subscriber rows', () => {
  const subscriber: Subscriber = {
    id: '42',
    email: 'Ann@example.com',
    status: 'unsubscribed',
    consentedAt: '2025-06-05T08:30:00.000Z',
    consentText: 'Yes, email me the "Intertitle" newsletter.',
    consentVersion: '2026-12',
    confirmedAt: '2025-06-05T08:40:00.000Z',
    unsubscribedAt: '2025-07-01T12:00:00.000Z',
    bouncedAt: null,
    sourcePath: '/reviews/ballerina-2025',
    sourceReview: 'ballerina-2025',
    sourceIssue: null,
    utmSource: 'newsletter',
    utmMedium: null,
    utmCampaign: '=cmd|/C calc!A0',
    utmContent: null,
    utmTerm: 'dance',
  }

  it('has the header the mailing tool imports, in order', () => {
    expect(parseCsv(subscriberCsvHeader)).toEqual([
      'email,status,consented_at,consent_text,consent_version,confirmed_at,unsubscribed_at,bounced_at,source_path,source_review,source_issue,utm_source,utm_medium,utm_campaign,utm_content,utm_term'.split(
        ',',
      ),
    ])
  })

  it('writes one record per subscriber in the header order, without the internal id', () => {
    expect(subscriberCsvRow(subscriber)).toBe(
      '"Ann@example.com","unsubscribed","2025-06-05T08:30:00.000Z","Yes, email me the ""Intertitle"" newsletter.","2026-12","2025-06-05T08:40:00.000Z","2025-07-01T12:00:00.000Z",,"/reviews/ballerina-2025","ballerina-2025",,"newsletter",,"\'=cmd|/C calc!A0",,"dance"\r\n',
    )
  })
})
