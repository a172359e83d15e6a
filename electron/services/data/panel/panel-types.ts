import type { CovariateInfo, StaticAttributeInfo } from '../../../api/records'
import type { Frequency } from '../../../../worker/timeseries/frequency'
import type { PanelSeries } from '../../../../worker/panel/types'

/** How a CSV holds many series: one row per (key, time) or one column per series. */
export type PanelForm = 'long' | 'wide'

export interface PanelReadOptions {
  /** Force the form; by default long when key columns are given or found, else wide. */
  form?: PanelForm
  /** Key columns of a long file (one or several, e.g. store + product). */
  ids?: string[]
  /** Value column of a long file; default the only numeric column that is not a key. */
  target?: string
  /** Time column; default the first column that holds dates. */
  time?: string
  /** Wide form: the series columns; default every numeric column. */
  columns?: string[]
  /** Long form: numeric columns read as covariates even where constant within every series (a model's known-future inputs). */
  covariates?: string[]
}

export interface PanelDataset {
  fileName: string
  form: PanelForm
  keyNames: string[]
  /** Wide form: the value column each series came from; long form: the target. */
  valueNames: string[]
  series: PanelSeries[]
  /** The spacing most series keep (each series is checked against it). */
  frequency: Frequency | null
  rowCount: number
  /** Missing values per series count (NaN cells plus grid points with no row). */
  missing: number
  /** Plain-words notes for the analyst (series with another frequency, filled gaps…). */
  warnings: string[]
  /** Long form: columns constant within every series (static-attributes.ts), each series' values on its `attributes`. */
  staticAttributes: StaticAttributeInfo[]
  /** Long form: the other columns, which change within a series (the numeric ones are `covariates`). */
  varyingColumns: string[]
  /** Long form: numeric columns that change within a series, on each series' `covariates`, with the steps they are known ahead. */
  covariates: CovariateInfo[]
}
