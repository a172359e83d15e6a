import { describe, expect, it } from 'vitest'
import { bytesOf, column, datasetOf, importText, numbers, refusalOf } from './helpers'
import { parseCsvBytes } from '../../../electron/services/data'

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    out[2 + 2 * i + (littleEndian ? 0 : 1)] = code & 0xff
    out[2 + 2 * i + (littleEndian ? 1 : 0)] = code >> 8
  }
  return out
}

const SMALL = 'date,température\n2020-01-01,1.5\n2020-01-02,2.5\n'

describe('encodings', () => {
  it.each([true, false])('reads UTF-16 with a BOM (little endian: %s)', (le) => {
    const d = datasetOf(parseCsvBytes(utf16(SMALL, le), 'u16.csv'))
    expect(d.detected.encoding).toBe(le ? 'utf-16le' : 'utf-16be')
    expect(d.detected.bom).toBe(true)
    expect(numbers(d, 'température')).toEqual([1.5, 2.5])
  })

  it('falls back to Latin-1 when the bytes are not UTF-8 (é in a header)', () => {
    const latin1 = Uint8Array.from(Array.from(SMALL, (ch) => ch.charCodeAt(0)))
    const d = datasetOf(parseCsvBytes(latin1, 'latin.csv'))
    expect(d.detected.encoding).toBe('latin1')
    expect(d.columns[1].name).toBe('température')
  })

  it('falls back to Latin-1 even when the first invalid byte is far past the sample', () => {
    const rows = Array.from(
      { length: 8000 },
      (_, i) => `2020-01-01T00:${String(i % 60).padStart(2, '0')},${i},x`,
    )
    const text = `date,v,note\n${rows.join('\n')}\n2021-01-01,1,caf\u00e9\n`
    const d = datasetOf(
      parseCsvBytes(Uint8Array.from(Array.from(text, (ch) => ch.charCodeAt(0))), 'late.csv', {
        duplicates: 'keepLast',
      }),
    )
    expect(d.detected.encoding).toBe('latin1')
    expect((column(d, 'note').values as string[]).at(-1)).toBe('café')
  })

  it('strips a UTF-8 BOM and reads quoted CRLF files', () => {
    const d = importText('\ufeff"date","value"\r\n"2020-01-01","1"\r\n"2020-01-02","2"\r\n')
    expect(d.detected).toMatchObject({ bom: true, lineEnding: '\r\n', quoted: true })
    expect(d.columns[0].name).toBe('date')
  })

  it('refuses binary data as not text', () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7) % 256)
    expect(refusalOf(() => parseCsvBytes(bytes, 'photo.csv')).code).toBe('NOT_TEXT')
  })
})

describe('dialect', () => {
  it.each([
    [',', 'a,b\n1,2\n3,4\n'],
    [';', 'a;b\n1;2\n3;4\n'],
    ['\t', 'a\tb\n1\t2\n3\t4\n'],
    ['|', 'a|b\n1|2\n3|4\n'],
  ])('detects the %j delimiter', (delimiter, text) => {
    expect(importText(text).detected.delimiter).toBe(delimiter)
  })

  it('keeps delimiters inside quotes and doubled quotes', () => {
    const d = importText('label,v\n"a, ""quoted"" one",1\n"two\nlines",2\n')
    expect(column(d, 'label').values).toEqual(['a, "quoted" one', 'two\nlines'])
  })

  it('handles CR-only line endings, comment lines and trailing blank lines, with exact line numbers', () => {
    const d = importText('# exported by a logger\rdate,v\r2020-01-01,1\r\r2020-01-02,2\r\r\r')
    expect(d.detected).toMatchObject({ lineEnding: '\r', commentLines: 1, blankLines: 3 })
    expect(d.rowCount).toBe(2)
    const rows = Array.from({ length: 9 }, (_, i) => `2020-01-0${i + 1},${i}`).join('\n')
    const text = `# note\ndate,v\n${rows}\n\n2020-01-10,x1\n`
    expect(() => importText(text)).toThrow('test.csv, line 13: "x1" in column v is not a number')
  })

  it('detects a missing header row and names columns by position', () => {
    const d = importText('2020-01-01,1\n2020-01-02,2\n')
    expect(d.detected.header).toBe(false)
    expect(d.columns.map((c) => c.name)).toEqual(['column 1', 'column 2'])
    expect(d.rowCount).toBe(2)
  })

  it('lets every detection be overridden', () => {
    const text = 'v;w\n1,500;2\n2,500;3\n'
    expect(numbers(importText(text), 'v')).toEqual([1.5, 2.5])
    expect(numbers(importText(text, { decimalSeparator: '.', thousandsSeparator: ',' }), 'v')).toEqual([
      1500, 2500,
    ])
    const forcedHeader = importText('1;2\n3;4\n5;6\n', { header: true })
    expect(forcedHeader.columns.map((c) => c.name)).toEqual(['1', '2'])
    expect(forcedHeader.rowCount).toBe(2)
    expect(importText('a,b\n1,2\n3,4\n', { delimiter: ';' }).columns.map((c) => c.name)).toEqual(['a,b'])
  })
})

describe('numbers', () => {
  it.each([
    ['US thousands, quoted', 'v\n"1,234,567"\n"2,000.5"\n', [1234567, 2000.5], ',', '.'],
    ['EU with dot thousands', 'v;w\n1.234,5;1\n10,25;2\n', [1234.5, 10.25], '.', ','],
    ['space thousands', 'v;w\n1 234,5;1\n2 000;2\n', [1234.5, 2000], ' ', ','],
    ['Swiss apostrophe', "v\n1'234.5\n2'000\n", [1234.5, 2000], "'", '.'],
    ['exponents and signs', 'v\n-1.5e3\n+2\n.5\n', [-1500, 2, 0.5], null, '.'],
  ])('%s', (_, text, expected, thousands, decimal) => {
    const d = importText(text)
    expect(numbers(d, 'v')).toEqual(expected)
    expect(d.detected.thousandsSeparator).toBe(thousands)
    expect(d.detected.decimalSeparator).toBe(decimal)
  })

  it('counts every missing marker before handling', () => {
    const markers = [
      '',
      'NA',
      'N/A',
      'n/a',
      'NaN',
      'nan',
      'null',
      'NULL',
      'inf',
      '-inf',
      'Infinity',
      '-',
      '?',
    ]
    const text = `v,w\n${markers.map((m, i) => `${m},${i}`).join('\n')}\n5,5\n`
    const d = importText(text)
    expect(d.missing.v).toBe(markers.length)
    expect(numbers(d, 'v').filter(Number.isNaN)).toHaveLength(markers.length)
  })

  it('refuses a stray word in a numeric column with file, line, value and column', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `19${49 + i}-01-01,${100 + i}`)
    rows[15] = '1964-01-01,12x'
    const refusal = refusalOf(() =>
      parseCsvBytes(bytesOf(`date,value\n${rows.join('\n')}\n`), 'AirPassengers.csv'),
    )
    expect(refusal.code).toBe('BAD_NUMBER')
    expect(refusal.message).toBe('AirPassengers.csv, line 17: "12x" in column value is not a number')
  })

  it('refuses ragged rows with their line', () => {
    const refusal = refusalOf(() => importText('a,b\n1,2\n3\n'))
    expect(refusal.code).toBe('RAGGED_ROW')
    expect(refusal.line).toBe(3)
  })

  it('accepts trailing empty fields left by spreadsheets', () => {
    expect(importText('a,b,\n1,2,\n3,4,\n').rowCount).toBe(2)
  })
})

describe('UTF-16 without a BOM', () => {
  it('is recognised from the zero bytes of ASCII text', () => {
    const withBom = new Uint8Array(2 + SMALL.length * 2)
    for (let i = 0; i < SMALL.length; i++) withBom[2 + 2 * i] = SMALL.charCodeAt(i) & 0xff
    const d = datasetOf(parseCsvBytes(withBom.subarray(2), 'nobom.csv'))
    expect(d.detected).toMatchObject({ encoding: 'utf-16le', bom: false })
    expect(d.rowCount).toBe(2)
  })
})
