import { basename } from 'node:path'
import type { AttributeValue, PanelSeries } from '../../../../worker/panel/types'
import type { Frequency } from '../../../../worker/timeseries/frequency'
import { CsvImportError } from '../csv-import-error'
import { inferFrequency } from '../frequency-inference'
import { importCsv } from '../import-csv'
import type { DataColumn, ImportControl } from '../types'
import type { PanelDataset, PanelForm, PanelReadOptions } from './panel-types'
import { covariateInfo, withFutureRows } from './future-rows'
import { missingCount } from './panel-shape'
import { gridSeries } from './series-grid'
import { detectStaticAttributes, essentialKeys, groupRows, KEY_SEPARATOR } from './static-attributes'
import { findTimeColumn, parseTimes } from './time-cells'

/**
 * Reads a CSV that holds many series, in long form (key column(s), time, value) or wide form
 * (time, one column per series). The file goes through the same streaming importer as single
 * series (encodings, delimiters, number formats, missing tokens) with its time column kept as
 * text, then every series is cut out, sorted and put on the panel's regular grid.
 */

function column(columns: DataColumn[], name: string, fileName: string): DataColumn {
  const found = columns.find((c) => c.name === name)
  if (!found)
    throw new CsvImportError(
      'BAD_OPTION',
      fileName,
      `has no column named ${name} (columns: ${columns.map((c) => c.name).join(', ')})`,
    )
  return found
}

function numericValues(col: DataColumn, fileName: string): Float64Array {
  if (col.kind === 'text')
    throw new CsvImportError('BAD_NUMBER', fileName, `column ${col.name} does not hold numbers`)
  return col.values
}

/** Text columns other than the time column: the key of a long file when none is named. */
export function keyCandidates(columns: DataColumn[], timeName: string): string[] {
  return columns.filter((c) => c.kind === 'text' && c.name !== timeName).map((c) => c.name)
}

function frequencyKey(f: Frequency | null): string {
  return f ? `${f.step} ${f.unit}` : 'unknown'
}

/** The spacing most series keep; each series that keeps another is named in a warning. */
function panelFrequency(
  perSeries: (Frequency | null)[],
  labels: string[],
  warnings: string[],
): Frequency | null {
  const tally = new Map<string, { frequency: Frequency | null; count: number }>()
  for (const f of perSeries) {
    const entry = tally.get(frequencyKey(f)) ?? { frequency: f, count: 0 }
    entry.count++
    tally.set(frequencyKey(f), entry)
  }
  const known = [...tally.values()].filter((e) => e.frequency !== null).sort((a, b) => b.count - a.count)
  const frequency = known[0]?.frequency ?? null
  const odd = perSeries.flatMap((f, i) =>
    f && frequencyKey(f) !== frequencyKey(frequency) ? [labels[i]] : [],
  )
  if (odd.length > 0)
    warnings.push(
      `${odd.length} series keep another spacing than the panel's ${frequencyKey(frequency)} (e.g. ${odd.slice(0, 3).join(', ')})`,
    )
  return frequency
}

interface RawSeries {
  key: string[]
  times: Float64Array
  values: Float64Array
  attributes?: Record<string, AttributeValue>
  /** The panel's covariates on this series' rows, in `covariateNames` order. */
  covariates?: Float64Array[]
}

function longSeries(
  columns: DataColumn[],
  times: Float64Array,
  options: PanelReadOptions,
  fileName: string,
  timeName: string,
) {
  const keyNames =
    options.ids && options.ids.length > 0
      ? options.ids
      : essentialKeys(columns, keyCandidates(columns, timeName))
  if (keyNames.length === 0)
    throw new CsvImportError('BAD_OPTION', fileName, 'has no key column: name it with --id')
  const keys = keyNames.map((name) => column(columns, name, fileName))
  const numeric = columns.filter(
    (c) => c.kind === 'numeric' && !keyNames.includes(c.name) && c.name !== timeName,
  )
  if (!options.target && numeric.length !== 1)
    throw new CsvImportError(
      'BAD_OPTION',
      fileName,
      numeric.length === 0
        ? 'has no numeric value column'
        : `has several value columns (${numeric.map((c) => c.name).join(', ')}): name one with --target`,
    )
  const target = options.target ? column(columns, options.target, fileName) : numeric[0]
  const values = numericValues(target, fileName)
  const rows = groupRows(keys, values.length)
  const others = columns.filter(
    (c) => !keyNames.includes(c.name) && c.name !== timeName && c.name !== target.name,
  )
  const detected = detectStaticAttributes(others, [...rows.values()])
  // Numbers that change within a series are covariates, which may be known ahead.
  // A model's own covariates are read as such even where a (short) file keeps them constant.
  const covariates = others.filter(
    (c) =>
      c.kind === 'numeric' && (detected.varying.includes(c.name) || options.covariates?.includes(c.name)),
  )
  const covariateValues = covariates.map((c) => numericValues(c, fileName))
  const series: RawSeries[] = [...rows].map(([key, list], s) => ({
    key: key.split(KEY_SEPARATOR),
    times: Float64Array.from(list, (r) => times[r]),
    values: Float64Array.from(list, (r) => values[r]),
    attributes: detected.values[s],
    ...(covariates.length > 0
      ? { covariates: covariateValues.map((column) => Float64Array.from(list, (r) => column[r])) }
      : {}),
  }))
  return {
    keyNames,
    valueNames: [target.name],
    series,
    staticAttributes: detected.attributes,
    varyingColumns: detected.varying,
    covariateNames: covariates.map((c) => c.name),
  }
}

function wideSeries(
  columns: DataColumn[],
  times: Float64Array,
  options: PanelReadOptions,
  fileName: string,
  timeName: string,
) {
  const chosen =
    options.columns ?? columns.filter((c) => c.kind === 'numeric' && c.name !== timeName).map((c) => c.name)
  if (chosen.length === 0)
    throw new CsvImportError('NO_NUMERIC_COLUMN', fileName, 'has no column of numbers to forecast')
  const series: RawSeries[] = chosen.map((name) => {
    const values = numericValues(column(columns, name, fileName), fileName)
    // A wide file pads series that start late or end early with empty cells: those are not missing values.
    const kept = Array.from(values.keys()).filter((r) => Number.isFinite(values[r]))
    const first = kept[0] ?? 0
    const last = kept[kept.length - 1] ?? -1
    const rows = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)
    return {
      key: [name],
      times: Float64Array.from(rows, (r) => times[r]),
      values: Float64Array.from(rows, (r) => values[r]),
    }
  })
  // A wide file's series are columns: it has no other column to describe them.
  return {
    keyNames: ['series'],
    valueNames: chosen,
    series,
    staticAttributes: [],
    varyingColumns: [],
    covariateNames: [],
  }
}

export async function readPanelCsv(
  path: string,
  options: PanelReadOptions = {},
  control: ImportControl = {},
): Promise<PanelDataset> {
  const fileName = basename(path)
  const outcome = await importCsv(path, { timeColumn: null }, control)
  if (outcome.status !== 'ok')
    throw new CsvImportError('BAD_OPTION', fileName, outcome.decisions.map((d) => d.message).join('; '))
  const { columns, rowCount } = outcome.dataset
  const timeColumn = findTimeColumn(columns, fileName, options.time)
  const times = parseTimes(timeColumn, fileName)
  const form: PanelForm =
    options.form ??
    ((options.ids?.length ?? 0) > 0 || keyCandidates(columns, timeColumn.name).length > 0 ? 'long' : 'wide')
  const raw =
    form === 'long'
      ? longSeries(columns, times, options, fileName, timeColumn.name)
      : wideSeries(columns, times, options, fileName, timeColumn.name)
  const warnings: string[] = []
  const labels = raw.series.map((s) => s.key.join('/'))
  const sortedTimes = raw.series.map((s) => Float64Array.from(s.times).sort())
  const frequency = panelFrequency(
    sortedTimes.map((t) => inferFrequency(t).frequency),
    labels,
    warnings,
  )
  let missing = 0
  const series: PanelSeries[] = raw.series.map((s, i) => {
    let gridded
    try {
      gridded = gridSeries(s.times, s.values, frequency, () => `series ${labels[i]}`, s.covariates)
    } catch (error) {
      throw new CsvImportError('BAD_TIMESTAMP', fileName, (error as Error).message)
    }
    const cut = withFutureRows(gridded, raw.covariateNames)
    missing += missingCount(cut.values)
    return { key: s.key, ...cut, ...(s.attributes ? { attributes: s.attributes } : {}) }
  })
  if (missing > 0)
    warnings.push(`${missing} missing values over the panel (empty cells or dates with no row)`)
  const covariates = covariateInfo(series, raw.covariateNames)
  const ahead = Math.max(0, ...covariates.map((c) => c.ahead))
  if (ahead > 0)
    warnings.push(
      `rows after the series' last values carry covariates known ahead: ${covariates.map((c) => `${c.name} ${c.ahead} step${c.ahead === 1 ? '' : 's'}`).join(', ')} (the fewest over the series)`,
    )
  return {
    fileName,
    form,
    keyNames: raw.keyNames,
    valueNames: raw.valueNames,
    series,
    frequency,
    rowCount,
    missing,
    warnings,
    staticAttributes: raw.staticAttributes,
    varyingColumns: raw.varyingColumns,
    covariates,
  }
}
