import type { Frequency } from '../timeseries/frequency'
import { firstPositions } from './calendar-features'
import { checkFutureKnown, fitFutureEncodings, futureRows, type FutureEncoding } from './future-features'
import { fitStaticEncodings, staticEncoder, staticWidth, type StaticEncoding } from './static-features'
import { PANEL_INPUT_SIZE, type PanelConfig, type PanelInput, type PanelSeries } from './types'

/**
 * What a global network reads at every step beyond the scaled value and its observed flag: the
 * series' static attributes (static-features.ts), the season's phase (calendar-features.ts) and
 * covariates known ahead (future-features.ts).
 * The encoding is fitted on the training panel and saved with the model; a model without extra
 * inputs has none, and reads exactly what it always read.
 */

export interface PanelInputEncoding {
  /** The chosen attributes' encodings, in input order. */
  static: StaticEncoding[]
  /** The season whose phase every step carries (sin, cos), or null without calendar inputs. */
  calendar: { season: number } | null
  /** Known-future covariates, in input order (absent in models saved before they existed: none). */
  future?: FutureEncoding[]
}

/** Each series' extra inputs, ready for the window builder. */
export interface SeriesFeatures {
  encoding: PanelInputEncoding
  /** Inputs per step, base included. */
  inputSize: number
  /** Per series, the static inputs repeated at every step (empty without static inputs). */
  staticRows: Float32Array[]
  /** Per series, the season position of its first value (null without calendar inputs). */
  firstPositions: Int32Array | null
  /** Per series, its standardised covariates from its first kept value, future rows included (futureRows; empty without). */
  futureRows: Float32Array[]
}

/** Inputs per step of a network with this encoding (2 without one). */
export function panelInputSize(encoding?: PanelInputEncoding | null): number {
  if (!encoding) return PANEL_INPUT_SIZE
  return (
    PANEL_INPUT_SIZE +
    staticWidth(encoding.static) +
    (encoding.calendar ? 2 : 0) +
    (encoding.future?.length ?? 0)
  )
}

/** The settings that choose a network's extra inputs. */
export type InputChoice = Pick<PanelConfig, 'staticInputs' | 'calendar' | 'futureInputs'>

/** Whether a configuration asks for static, calendar or known-future inputs. */
export function asksForExtraInputs(config: InputChoice): boolean {
  return (
    (config.staticInputs ?? []).length > 0 ||
    config.calendar === true ||
    (config.futureInputs ?? []).length > 0
  )
}

/**
 * Fits the encoding the configuration asks for on the training series, or undefined when it asks
 * for none (so such a model is the plain one, bit for bit).
 */
export function fitInputEncoding(
  series: readonly PanelSeries[],
  config: InputChoice,
  season: number,
): PanelInputEncoding | undefined {
  if (!asksForExtraInputs(config)) return undefined
  const names = config.staticInputs ?? []
  if (config.calendar && season <= 1)
    throw new RangeError(
      'calendar inputs need a seasonal panel (a season of more than one step, e.g. quarters or weeks); this panel has none',
    )
  const future = config.futureInputs ?? []
  if (new Set(future).size !== future.length)
    throw new RangeError(`a known-future input is listed twice (${future.join(', ')})`)
  return {
    static: fitStaticEncodings(series, names),
    calendar: config.calendar ? { season } : null,
    ...(future.length > 0 ? { future: fitFutureEncodings(series, future) } : {}),
  }
}

/**
 * The extra inputs of each series under a fitted encoding. `starts` are the indices of the first
 * values the cleaning kept (calendar positions count from there).
 */
export function seriesFeatures(
  encoding: PanelInputEncoding,
  series: readonly PanelSeries[],
  starts: readonly number[],
  frequency: Frequency | null,
): SeriesFeatures {
  const encode = staticEncoder(encoding.static)
  return {
    encoding,
    inputSize: panelInputSize(encoding),
    staticRows: encoding.static.length > 0 ? series.map(encode) : [],
    firstPositions: encoding.calendar
      ? firstPositions(series, starts, frequency, encoding.calendar.season)
      : null,
    futureRows: encoding.future?.length ? futureRows(encoding.future, series, starts) : [],
  }
}

/** A run's extra inputs: fitted on the panel it trains on, or undefined when the configuration asks for none. */
export function panelFeatures(
  input: PanelInput,
  starts: readonly number[],
  config: InputChoice,
): SeriesFeatures | undefined {
  const encoding = fitInputEncoding(input.series, config, input.season ?? input.period)
  return encoding ? seriesFeatures(encoding, input.series, starts, input.frequency ?? null) : undefined
}

/**
 * Refuses series the network would forecast (at least `minObserved` values) whose known-future
 * inputs are not given for the `horizon` steps after their end (future-features.ts).
 */
export function checkInputsAhead(
  features: SeriesFeatures,
  series: readonly ArrayLike<number>[],
  horizon: number,
  minObserved: number,
  label: (series: number) => string,
): void {
  checkFutureKnown(
    features.encoding.future ?? [],
    features.futureRows,
    series.map((v) => v.length),
    horizon,
    label,
    (s) => series[s].length >= Math.max(1, minObserved),
  )
}
