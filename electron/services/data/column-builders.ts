import { CsvImportError, quoteCell } from './csv-import-error'
import { GrowableFloat64 } from './growable'
import { isMissingCell } from './missing-tokens'
import { parseNumber } from './number-format'
import type { NumberFormat } from './number-format'
import { dayMonthFields, parseTimeCell, ZoneTally } from './time-format'
import type { TimeFormat } from './types'

export interface ColumnBuilder {
  readonly name: string
  missing: number
  push(cell: string, line: number): void
}

const ORDER_WORDS = { dmy: 'day/month/year', mdy: 'month/day/year' } as const

export class NumericColumnBuilder implements ColumnBuilder {
  readonly kind = 'numeric'
  missing = 0
  readonly values: GrowableFloat64

  constructor(
    readonly name: string,
    private readonly format: NumberFormat,
    private readonly fileName: string,
    capacity: number,
  ) {
    this.values = new GrowableFloat64(capacity)
  }

  push(cell: string, line: number): void {
    const value = parseNumber(cell, this.format)
    if (value !== null && Number.isFinite(value)) {
      this.values.push(value)
      return
    }
    if (value !== null) {
      throw new CsvImportError(
        'NUMBER_OUT_OF_RANGE',
        this.fileName,
        `the number ${quoteCell(cell)} in column ${this.name} is out of range (beyond ±1.8e308)`,
        line,
        { column: this.name, cell: quoteCell(cell) },
      )
    }
    if (!isMissingCell(cell)) {
      throw new CsvImportError(
        'BAD_NUMBER',
        this.fileName,
        `${quoteCell(cell)} in column ${this.name} is not a number`,
        line,
        { column: this.name, cell: quoteCell(cell) },
      )
    }
    this.missing++
    this.values.push(NaN)
  }
}

export class TextColumnBuilder implements ColumnBuilder {
  readonly kind = 'text'
  missing = 0
  readonly values: string[] = []

  constructor(readonly name: string) {}

  push(cell: string): void {
    if (isMissingCell(cell)) this.missing++
    this.values.push(cell)
  }
}

/**
 * Parses timestamps as rows stream in. While the day/month order is still open it keeps both
 * readings, and the maxima of the first two fields, so the order can be settled from the whole column.
 */
export class TimeColumnBuilder implements ColumnBuilder {
  readonly kind = 'time'
  missing = 0
  readonly values: GrowableFloat64
  /** The month/day/year reading, kept only while the order is open. */
  readonly alternate: GrowableFloat64 | null
  maxFirstField = 0
  maxSecondField = 0
  /** A few raw cells to show the analyst when asking about the order. */
  readonly examples: string[] = []
  private readonly zones: ZoneTally

  constructor(
    readonly name: string,
    readonly format: TimeFormat,
    private readonly fileName: string,
    capacity: number,
  ) {
    this.values = new GrowableFloat64(capacity)
    this.alternate = this.isOrderOpen ? new GrowableFloat64(capacity) : null
    this.zones = new ZoneTally(format)
  }

  get isOrderOpen(): boolean {
    return this.format.kind === 'dayMonth' && !this.format.order
  }

  /**
   * The offset written on every timestamp (e.g. 60 for `+01:00`), so the file can be shown in
   * its own zone; null when the cells carry no zone, or several (summer time): then UTC is used.
   */
  get writtenOffset(): number | null {
    return this.zones.offset
  }

  push(cell: string, line: number): void {
    if (isMissingCell(cell)) {
      throw new CsvImportError('BAD_TIMESTAMP', this.fileName, `the ${this.name} is missing`, line, {
        column: this.name,
      })
    }
    const order = this.format.order ?? 'dmy'
    const value = parseTimeCell(cell, this.format, order)
    this.zones.noteLastParsed()
    if (this.alternate) {
      this.pushBothReadings(cell, value, line)
      return
    }
    if (Number.isNaN(value)) this.refuse(cell, line)
    this.values.push(value)
  }

  private pushBothReadings(cell: string, dayFirst: number, line: number): void {
    const monthFirst = parseTimeCell(cell, this.format, 'mdy')
    if (Number.isNaN(dayFirst) && Number.isNaN(monthFirst)) this.refuse(cell, line)
    const fields = dayMonthFields(cell)
    if (fields) {
      this.maxFirstField = Math.max(this.maxFirstField, fields.a)
      this.maxSecondField = Math.max(this.maxSecondField, fields.b)
    }
    if (this.examples.length < 5) this.examples.push(cell)
    this.values.push(dayFirst)
    this.alternate!.push(monthFirst)
  }

  private refuse(cell: string, line: number): never {
    const how =
      this.format.kind === 'dayMonth' && this.format.order
        ? ` (read as ${ORDER_WORDS[this.format.order]})`
        : ''
    throw new CsvImportError(
      'BAD_TIMESTAMP',
      this.fileName,
      `${quoteCell(cell)} in column ${this.name} is not a valid date or time${how}`,
      line,
      { column: this.name, cell: quoteCell(cell) },
    )
  }
}

export type AnyColumnBuilder = NumericColumnBuilder | TextColumnBuilder | TimeColumnBuilder
