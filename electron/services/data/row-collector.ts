import { NumericColumnBuilder, TextColumnBuilder, TimeColumnBuilder } from './column-builders'
import type { AnyColumnBuilder } from './column-builders'
import { CsvImportError } from './csv-import-error'
import { isSkippableRow } from './dialect'
import { GrowableInt32 } from './growable'
import type { CsvLayout } from './layout'

function extraLineBreaks(row: string[]): number {
  let breaks = 0
  for (const field of row) {
    if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) continue
    breaks += field.split(/\r\n|\r|\n/).length - 1
  }
  return breaks
}

function onlyBlanksFrom(row: string[], start: number): boolean {
  for (let j = start; j < row.length; j++) if (row[j].trim() !== '') return false
  return true
}

/** Receives parsed rows in file order and appends them to one builder per column. */
export class RowCollector {
  readonly builders: AnyColumnBuilder[]
  /** Physical line (1-based) where each data row starts. */
  readonly lines: GrowableInt32
  rowCount = 0
  commentLines = 0
  blankLines = 0
  private linesSeen = 0
  private headerPending: boolean

  constructor(
    private readonly layout: CsvLayout,
    private readonly fileName: string,
    expectedRows: number,
  ) {
    this.headerPending = layout.header
    this.lines = new GrowableInt32(expectedRows)
    this.builders = layout.columns.map((plan) => {
      if (plan.kind === 'time')
        return new TimeColumnBuilder(plan.name, plan.timeFormat!, fileName, expectedRows)
      if (plan.kind === 'numeric')
        return new NumericColumnBuilder(plan.name, layout.numberFormat, fileName, expectedRows)
      return new TextColumnBuilder(plan.name)
    })
  }

  /** `mayHaveLineBreaksInFields` is false for text without quotes, where a row is always one line. */
  addRow(row: string[], mayHaveLineBreaksInFields: boolean): void {
    const builders = this.builders
    const width = builders.length
    const line = ++this.linesSeen
    if (mayHaveLineBreaksInFields) this.linesSeen += extraLineBreaks(row)
    if (isSkippableRow(row, this.layout.commentPrefix)) {
      if (row.length === 1 && row[0].trim() === '') this.blankLines++
      else this.commentLines++
      return
    }
    if (this.headerPending) {
      this.headerPending = false
      return
    }
    if (row.length !== width && !(row.length > width && onlyBlanksFrom(row, width)))
      this.refuseRagged(row, line)
    for (let j = 0; j < width; j++) builders[j].push(row[j], line)
    this.lines.push(line)
    this.rowCount++
  }

  private refuseRagged(row: string[], line: number): never {
    const problem = `has ${row.length} field${row.length === 1 ? '' : 's'} where ${this.builders.length} were expected`
    throw new CsvImportError('RAGGED_ROW', this.fileName, problem, line)
  }
}
