import { describe, expect, it } from 'vitest'
import { createReferenceBackend, mulberry32, normalSampler, paramCount } from '../../../worker/engine/index'
import { TargetTransform, writeCalendarFeatures } from '../../../worker/statistics/index'
import { parseManifest, serializeModel, toTrainedModel } from '../../../worker/model-format/index'
import { forecastAhead, prepare, runPipeline, type SeriesInput } from '../../../worker/pipeline/index'
import { toZColumns } from '../../../worker/pipeline/columns'
import { futureTimestamps } from '../../../worker/timeseries/calendar'
import { modelWith, tinyConfig } from './helpers'

const DAY = 86_400_000
const START = Date.UTC(2021, 0, 1)

/** Daily values driven only by the day of the week, plus noise (no trend, no level change). */
function weeklySeries(n: number, noise: number, seed = 5): SeriesInput {
  const pattern = [6, 6, -6, -6, 6, -6, 0]
  const normal = normalSampler(mulberry32(seed))
  const timestamps = Float64Array.from({ length: n }, (_, i) => START + i * DAY)
  const target = Array.from(timestamps, (t) => 20 + pattern[new Date(t).getUTCDay()] + noise * normal())
  return { targets: [{ name: 'value', values: target }], timestamps, frequency: { unit: 'day', step: 1 } }
}

function featuresAt(time: number): number[] {
  const out = [0, 0]
  writeCalendarFeatures(['dayOfWeek'], time, out, 0)
  return out
}

describe('calendar features as known-future inputs', () => {
  it('at every input step carry the features of the forecast-aligned future time', () => {
    const series = weeklySeries(80, 1)
    const config = tinyConfig({ lookback: 5, horizon: 3, calendar: ['dayOfWeek'] })
    const prepared = prepare(series, config)
    expect(prepared.state.spec.inputSize).toBe(3)
    const width = 3
    prepared.trainOrigins.slice(0, 10).forEach((origin, i) => {
      for (let j = 0; j < 5; j++) {
        // Input step j describes τ = origin − L + j; its known-future values belong to τ + H.
        const time = series.timestamps![origin - 5 + j + 3]
        const offset = (i * 5 + j) * width
        expect(prepared.train.x[offset + 1]).toBeCloseTo(featuresAt(time)[0], 12)
        expect(prepared.train.x[offset + 2]).toBeCloseTo(featuresAt(time)[1], 12)
      }
    })
  })

  it('shift with differencing like every other column (z index i is original i + lag)', () => {
    const series = weeklySeries(80, 1)
    const config = tinyConfig({
      horizon: 3,
      calendar: ['dayOfWeek'],
      transforms: { scaling: 'zscore', log: 'none', difference: 'first' },
    })
    const zc = toZColumns(prepare(series, config).state, series)
    expect(zc.lag).toBe(1)
    expect(zc.columns[1][0]).toBeCloseTo(featuresAt(series.timestamps![1])[0], 12)
  })

  it('run past the end of the data on the dates the frequency gives', () => {
    const series = weeklySeries(60, 1)
    const config = tinyConfig({ horizon: 4, calendar: ['month', 'dayOfWeek'] })
    const zc = toZColumns(prepare(series, config).state, series)
    const future = futureTimestamps(series.timestamps![59], { unit: 'day', step: 1 }, 4)
    const dayOfWeekSin = zc.futureIndices[2]
    expect(zc.columns[dayOfWeekSin].length).toBe(64)
    future.forEach((time, k) => expect(zc.columns[dayOfWeekSin][60 + k]).toBeCloseTo(featuresAt(time)[0], 12))
  })

  it('forecasting ahead feeds the network the future dates, not a repeat of the last one', async () => {
    const series = weeklySeries(60, 1)
    const config = tinyConfig({ lookback: 4, horizon: 3, calendar: ['dayOfWeek'] })
    const { state } = prepare(series, config)
    const random = mulberry32(9)
    const params = Float64Array.from({ length: paramCount(state.spec) }, () => random() - 0.5)
    const model = { ...modelWith(state, new Float32Array(params), series), params }
    const ahead = await forecastAhead(model, series, { backend: 'reference' })
    const z = TargetTransform.fromJSON(state.targets[0].transform).transform(series.targets[0].values)
    const future = futureTimestamps(series.timestamps![59], { unit: 'day', step: 1 }, 3)
    const x = new Float64Array(4 * 3)
    for (let j = 0; j < 4; j++) {
      const tau = 60 - 4 + j
      const time = tau + 3 < 60 ? series.timestamps![tau + 3] : future[tau + 3 - 60]
      x.set([z[tau], ...featuresAt(time)], j * 3)
    }
    const out = new Float64Array(3)
    createReferenceBackend(state.spec, 'float64').forward(params, x, 1, 4, out)
    const expected = TargetTransform.fromJSON(state.targets[0].transform).inverseForecast(
      out,
      series.targets[0].values,
    )
    Array.from(expected).forEach((value, k) => expect(ahead.targets[0].mean[k]).toBeCloseTo(value, 9))
    expect(Array.from(ahead.timestamps!)).toEqual(Array.from(future))
  })

  it('refuses a series without timestamps, or without a frequency, naming the problem', () => {
    const series = weeklySeries(60, 1)
    const config = tinyConfig({ calendar: ['hour'] })
    expect(() => prepare({ targets: series.targets }, config)).toThrow(RangeError)
    expect(() => prepare({ targets: series.targets }, config)).toThrow(
      /calendar features \(hour\) need timestamps/,
    )
    expect(() => prepare({ ...series, frequency: null }, config)).toThrow(/regular frequency/)
  })

  it('refuses an unknown or repeated feature', () => {
    const series = weeklySeries(60, 1)
    const unknown = tinyConfig({ calendar: ['week' as 'month'] })
    expect(() => prepare(series, unknown)).toThrow(/calendar feature must be one of month, dayOfWeek, hour/)
    expect(() => prepare(series, tinyConfig({ calendar: ['month', 'month'] }))).toThrow(/listed twice/)
  })

  it('survive a save and load, and old models without them still load', async () => {
    const series = weeklySeries(60, 1)
    const { state } = prepare(series, tinyConfig({ horizon: 3, calendar: ['dayOfWeek', 'month'] }))
    const random = mulberry32(2)
    const params = Float32Array.from({ length: paramCount(state.spec) }, () => random() - 0.5)
    const model = modelWith(state, params, series)
    const { manifest } = serializeModel(model)
    expect(manifest.features).toEqual([
      'target.value',
      'calendar.dayOfWeek_sin',
      'calendar.dayOfWeek_cos',
      'calendar.month_sin',
      'calendar.month_cos',
    ])
    const loaded = toTrainedModel(parseManifest(JSON.stringify(manifest)).manifest, params)
    expect(loaded.state.config.calendar).toEqual(['dayOfWeek', 'month'])
    const before = await forecastAhead(model, series, { backend: 'reference' })
    const after = await forecastAhead(loaded, series, { backend: 'reference' })
    expect(Array.from(after.targets[0].mean)).toEqual(Array.from(before.targets[0].mean))

    const plain = prepare(series, tinyConfig({ horizon: 3 })).state
    const plainParams = Float32Array.from({ length: paramCount(plain.spec) }, () => random() - 0.5)
    const plainModel = modelWith(plain, plainParams, series)
    const old = serializeModel(plainModel).manifest
    delete (old.pipeline.config as { calendar?: unknown }).calendar
    const oldLoaded = toTrainedModel(parseManifest(JSON.stringify(old)).manifest, plainParams)
    expect(oldLoaded.state.config.calendar ?? []).toEqual([])
    // The old file forecasts exactly as the model did before it was saved.
    const expected = await forecastAhead(plainModel, series, { backend: 'reference' })
    const fromOldFile = await forecastAhead(oldLoaded, series, { backend: 'reference' })
    const [fromOld] = fromOldFile.targets
    expect(fromOld.mean).toHaveLength(3)
    expect(Array.from(fromOld.mean).every(Number.isFinite)).toBe(true)
    expect(Array.from(fromOld.mean)).toEqual(Array.from(expected.targets[0].mean))
  })
})

describe('learning from the calendar', () => {
  it('forecasts a day-of-week pattern clearly better with the day of week than without', async () => {
    const series = weeklySeries(420, 2)
    // One noisy lag cannot tell the days apart; the calendar can.
    const base = tinyConfig({
      layers: [{ cell: 'lstm', units: 16, dropout: 0 }],
      lookback: 1,
      horizon: 7,
      epochs: 60,
      patience: 0,
      batchSize: 32,
      split: { validation: { count: 28 }, test: { count: 56 } },
      optimizer: { name: 'adam', lr: 0.01 },
      seed: 3,
    })
    const without = await runPipeline(series, base, { quick: true, backend: 'reference' })
    const withCalendar = await runPipeline(
      series,
      { ...base, calendar: ['dayOfWeek'] },
      { quick: true, backend: 'reference' },
    )
    const maeWithout = without.targets[0].test!.metrics.mae
    const maeWith = withCalendar.targets[0].test!.metrics.mae
    expect(maeWith).toBeLessThan(0.6 * maeWithout)
    expect(maeWith).toBeLessThan(2.2)
  }, 60_000)
})
