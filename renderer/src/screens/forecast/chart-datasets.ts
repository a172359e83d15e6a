import type { IntervalBands } from '../../../../electron/api/requests/models'
import { toShownTime } from '../../shared/zoned-time'
import type { EvaluatedTarget, TargetForecastView } from './target-view'

export interface XY {
  x: number
  y: number | null
}

export interface BandDatasets {
  label: string
  data: XY[]
  borderColor: string
  backgroundColor?: string
  borderWidth: number
  pointRadius: number
  borderDash?: number[]
  fill?: string | boolean
}

/** x of point i: its time as the file's clock read it (see zoned-time.ts), or its index without timestamps. */
function xAt(timestamps: number[] | null, i: number, offset: number | null): number {
  return timestamps ? toShownTime(timestamps[i] ?? i, offset) : i
}

function line(label: string, data: XY[], color: string, extra: Partial<BandDatasets> = {}): BandDatasets {
  return { label, data, borderColor: color, borderWidth: 1.5, pointRadius: 0, fill: false, ...extra }
}

/** Lower then upper with fill '-1' paints the band between them. */
function band(label: string, lower: XY[], upper: XY[], fill: string): BandDatasets[] {
  return [
    line(`${label} −`, lower, 'transparent', { borderWidth: 0 }),
    line(label, upper, 'transparent', { borderWidth: 0, backgroundColor: fill, fill: '-1' }),
  ]
}

function bandsFrom(
  x: (k: number) => number,
  bands: IntervalBands,
  labels: Labels,
  name: string,
): BandDatasets[] {
  const at = (values: number[]) => values.map((y, k) => ({ x: x(k), y }))
  return [
    ...band(`${name} ${labels.band95}`, at(bands.lower95), at(bands.upper95), 'rgba(224, 112, 43, 0.15)'),
    ...band(`${name} ${labels.band80}`, at(bands.lower80), at(bands.upper80), 'rgba(224, 112, 43, 0.3)'),
    line(name, at(bands.mean), '#e0702b', { borderWidth: 2 }),
  ]
}

export interface Labels {
  history: string
  testActual: string
  fitted: string
  testForecast: string
  future: string
  band80: string
  band95: string
}

/** Every line and band of the Forecast chart, built from the evaluation and an optional future forecast. */
export function forecastDatasets(
  evaluation: EvaluatedTarget,
  forecast: TargetForecastView | null,
  labels: Labels,
): BandDatasets[] {
  const ts = evaluation.timestamps
  const offset = evaluation.dataset?.utcOffsetMinutes ?? null
  const history = evaluation.actual
    .slice(0, evaluation.testStart)
    .map((y, i) => ({ x: xAt(ts, i, offset), y }))
  const testActual = evaluation.actual
    .slice(evaluation.testStart)
    .map((y, k) => ({ x: xAt(ts, evaluation.testStart + k, offset), y }))
  const sets: BandDatasets[] = [
    line(labels.history, history, '#2f6fde'),
    line(labels.testActual, testActual, '#1c8a4c', { borderWidth: 2 }),
  ]
  if (evaluation.fitted) {
    const start = evaluation.fitted.start
    const fitted = evaluation.fitted.values.map((y, k) => ({ x: xAt(ts, start + k, offset), y }))
    sets.push(line(labels.fitted, fitted, '#8a5cd6', { borderDash: [4, 3] }))
  }
  sets.push(
    ...bandsFrom(
      (k) => xAt(ts, evaluation.test.start + k, offset),
      evaluation.test,
      labels,
      labels.testForecast,
    ),
  )
  if (forecast) {
    const lastIndex = evaluation.actual.length - 1
    const futureX = (k: number) =>
      forecast.timestamps ? toShownTime(forecast.timestamps[k]!, offset) : lastIndex + 1 + k
    sets.push(...bandsFrom(futureX, forecast.bands, labels, labels.future))
  }
  return sets
}

/** x where the chart opens (see chart-range.ts): history point `index`'s. */
export function shownX(evaluation: EvaluatedTarget, index: number): number {
  return xAt(evaluation.timestamps, index, evaluation.dataset?.utcOffsetMinutes ?? null)
}
