import { findParam, mulberry32, normalSampler, paramLayout } from '../../../worker/engine/index'
import {
  calibratePerStep,
  defaultConfig,
  type PipelineConfig,
  type PipelineState,
  type SeriesInput,
  type TrainedModel,
} from '../../../worker/pipeline/index'

/** Monthly timestamps from January 2000 (UTC). */
export function monthly(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Date.UTC(2000 + Math.floor(i / 12), i % 12, 1))
}

/** A seasonal series with trend and noise, strictly positive. */
export function seasonalSeries(n: number, seed = 3, noise = 1): number[] {
  const normal = normalSampler(mulberry32(seed))
  return Array.from(
    { length: n },
    (_, t) => 50 + 0.3 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + noise * normal(),
  )
}

/** One target, named `value` as in the bundled samples unless told otherwise. */
export function monthlySeries(values: number[], name = 'value'): SeriesInput {
  return {
    targets: [{ name, values }],
    timestamps: monthly(values.length),
    frequency: { unit: 'month', step: 1 },
  }
}

/** The series of one target named `value`, without dates. */
export function valueSeries(values: ArrayLike<number>, period?: number): SeriesInput {
  return { targets: [{ name: 'value', values }], ...(period === undefined ? {} : { period }) }
}

/** Small enough to train in well under a second on the reference backend. */
export function tinyConfig(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  return defaultConfig({
    layers: [{ cell: 'lstm', units: 6, dropout: 0 }],
    lookback: 12,
    horizon: 6,
    epochs: 4,
    patience: 0,
    batchSize: 16,
    split: { validation: { count: 12 }, test: { count: 12 } },
    backtest: { origins: 2, refit: false },
    ...overrides,
  })
}

/**
 * Weights whose network output is exactly `bias` for any input: every weight zero gives a zero
 * hidden state, so the head returns its bias. Lets tests predict known values without training.
 */
export function constantOutputParams(state: PipelineState, bias: number): Float32Array {
  const layout = paramLayout(state.spec)
  const params = new Float32Array(layout.reduce((total, entry) => total + entry.size, 0))
  const head = findParam(layout, 'head.b')
  params.fill(bias, head.offset, head.offset + head.size)
  return params
}

export function modelWith(state: PipelineState, params: Float32Array, series: SeriesInput): TrainedModel {
  const H = state.config.horizon
  const residuals = Array.from({ length: 30 }, (_, i) =>
    Float64Array.from({ length: H }, (_, k) => ((i % 7) - 3) * (k + 1)),
  )
  return {
    state,
    params,
    calibrations: state.targets.map(() => calibratePerStep(residuals, H)),
    frequency: series.frequency ?? null,
    lastTimestamp: series.timestamps ? series.timestamps[series.timestamps.length - 1] : null,
  }
}
