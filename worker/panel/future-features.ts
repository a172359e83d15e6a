import { fitStandardisation } from './standardisation'
import type { PanelSeries } from './types'

/**
 * Known-future covariates as network inputs: numeric columns that change within a series and
 * whose values are known ahead of time (a planned price, a promotion, a holiday flag). Each is
 * standardised with the training panel's mean and standard deviation, fitted on the observed
 * history only, and saved with the model.
 *
 * A window's input step τ carries the covariate at τ + horizon (as the single-series pipeline
 * does, worker/pipeline/inputs.ts): the window's last `horizon` steps then carry exactly the
 * values of the steps it forecasts, and the network keeps one output layer for all of them. So a
 * forecast needs every covariate for the `horizon` steps after the series' last value — the
 * "future rows" of the file, with their dates, the planned values and an empty target.
 */

export interface FutureEncoding {
  name: string
  mean: number
  sd: number
}

/** The panel (or a forecast file) lacks a covariate the model reads, or its values ahead. */
export class MissingFutureError extends Error {
  readonly code = 'PANEL_FUTURE_MISSING'
  /** Shown after the message as data, as the services' coded errors show theirs. */
  readonly details: Record<string, string>
  constructor(message: string, column: string, series?: string) {
    super(message)
    this.name = 'MissingFutureError'
    this.details = series === undefined ? { column } : { column, series }
  }
}

function covariateOf(series: PanelSeries, name: string): ArrayLike<number> {
  const column = series.covariates?.[name]
  if (!column)
    throw new MissingFutureError(
      `the model reads the known-future input "${name}", but the panel has no such numeric column changing within its series`,
      name,
    )
  return column
}

/** A covariate's values over the panel's history only: the future rows are what the model will be asked about. */
function* historyOf(series: readonly PanelSeries[], name: string): Generator<number> {
  for (const s of series) {
    const column = covariateOf(s, name)
    const end = Math.min(column.length, s.values.length)
    for (let t = 0; t < end; t++) yield column[t]
  }
}

/** Mean and standard deviation of each chosen covariate over the panel's observed history. */
export function fitFutureEncodings(
  series: readonly PanelSeries[],
  names: readonly string[],
): FutureEncoding[] {
  return names.map((name) => ({ name, ...fitStandardisation(historyOf(series, name)) }))
}

/**
 * Per series, its covariates standardised, step by step from `start` (the first value the cleaning
 * kept): [steps × covariates], history and future rows alike. An empty cell stays NaN, which the
 * window builder reads as the training mean in the history and `checkFutureKnown` refuses ahead.
 */
export function futureRows(
  encodings: readonly FutureEncoding[],
  series: readonly PanelSeries[],
  starts: readonly number[],
): Float32Array[] {
  const width = encodings.length
  return series.map((s, i) => {
    const columns = encodings.map((e) => covariateOf(s, e.name))
    const steps = Math.max(0, Math.min(...columns.map((c) => c.length)) - starts[i])
    const rows = new Float32Array(steps * width)
    for (let t = 0; t < steps; t++)
      encodings.forEach((e, c) => {
        rows[t * width + c] = (columns[c][starts[i] + t] - e.mean) / e.sd
      })
    return rows
  })
}

/**
 * Refuses a panel in which a series the network forecasts lacks a covariate's value for one of the
 * `horizon` steps after its last value (`lengths[s]` values from the cleaning's start), naming the
 * series, the column and the steps that are missing.
 */
export function checkFutureKnown(
  encodings: readonly FutureEncoding[],
  rows: readonly Float32Array[],
  lengths: readonly number[],
  horizon: number,
  label: (series: number) => string,
  forecastByNetwork: (series: number) => boolean = () => true,
): void {
  const width = encodings.length
  if (width === 0) return
  rows.forEach((row, s) => {
    if (!forecastByNetwork(s)) return
    const available = row.length / width
    for (let c = 0; c < width; c++)
      for (let k = 0; k < horizon; k++) {
        const t = lengths[s] + k
        if (t < available && Number.isFinite(row[t * width + c])) continue
        const name = encodings[c].name
        throw new MissingFutureError(
          `series ${label(s)} lacks the known-future input "${name}" at step ${k + 1} of the ${horizon} after its last value: ` +
            `give each series ${horizon} rows after its last value with their dates, the planned "${name}" and an empty target`,
          name,
          label(s),
        )
      }
  })
}
