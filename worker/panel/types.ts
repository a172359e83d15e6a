import type { LayerSpec, LossKind } from '../engine/index'
import type { Frequency } from '../timeseries/frequency'

/** A static attribute's value for one series: a category, a number, or null where the cell was empty. */
export type AttributeValue = string | number | null

/**
 * A panel: many series forecast by one global network. Series may differ in length, start and
 * scale; their values are already in time order with missing points as NaN.
 */
export interface PanelSeries {
  /** The series' key: one value per id column (one for `id,date,value`). */
  key: string[]
  values: ArrayLike<number>
  /** Epoch-ms UTC of each value, or null for a plain index. */
  timestamps?: ArrayLike<number> | null
  /** Static attributes (columns constant within the series), by column name. */
  attributes?: Record<string, AttributeValue>
  /**
   * Numeric columns that change within the series, by column name, aligned with `values` from its
   * first point. A column may run past the values: those are the file's future rows (dates with the
   * planned covariates and an empty target), which known-future inputs read ahead of the forecast.
   */
  covariates?: Record<string, ArrayLike<number>>
}

export interface PanelInput {
  /** Names of the key columns (e.g. ['store', 'product']), in the order of each series' key. */
  keyNames: string[]
  series: PanelSeries[]
  /** Seasonal period m for MASE, Naive2 and Theta (the competitions' convention; 1 = none). */
  period: number
  /** The calendar's season (e.g. 52 for weekly data), which Auto reads for the lookback; default `period`. */
  season?: number
  /** The panel's spacing: calendar inputs read each series' season position from its dates with it. */
  frequency?: Frequency | null
}

/**
 * How each window is put on a common scale: 'mean' divides inputs and targets by the mean |value|
 * of the window's observed inputs (minus 1, so a flat window reads 0), 'log' takes logs relative
 * to the last input (positive panels only). Both travel with the window, so a series the network
 * never saw, at any scale, is forecast the same way.
 */
export type WindowScaling = 'mean' | 'log'

export interface PanelConfig {
  layers: LayerSpec[]
  lookback: number
  horizon: number
  /** Observed inputs a training window needs at least (earlier steps are padded and flagged). */
  minObserved: number
  scaling: WindowScaling
  /**
   * Train and forecast on each series divided by its classical multiplicative seasonal indices
   * (where M4's 90 % test finds seasonality), put back on the forecasts: the network learns level
   * and trend across series, each series keeps its own season (in the spirit of ES-RNN).
   */
  deseasonalise: boolean
  /** Windows drawn per epoch, shared out equally between the series that have any. */
  windowsPerEpoch: number
  epochs: number
  patience: number
  batchSize: number
  lr: number
  loss: LossKind
  /** Networks trained from seeds seed, seed + 1, …, whose forecasts are averaged. */
  ensemble: number
  seed: number
  /**
   * Static attributes the network reads at every step (one-hot for categories, standardised for
   * numbers; panel-features.ts). Absent or empty: none. Auto never picks them; the person does.
   */
  staticInputs?: string[]
  /** The season's phase (sin, cos) as input at every step. Absent or false: none. */
  calendar?: boolean
  /**
   * Covariates known ahead (future-features.ts): step τ reads each at τ + horizon, so forecasting
   * needs their values for the horizon after every series' end. Absent or empty: none.
   */
  futureInputs?: string[]
}

/**
 * Inputs per step of a network without extra inputs: the scaled value and 1 where it was observed
 * (0 where padded). A model's own size is `panelInputSize(encoding)` (panel-features.ts).
 */
export const PANEL_INPUT_SIZE = 2
