import { describe, expect, it } from 'vitest'
import { TargetTransform } from '../../../worker/statistics/index'
import { prepare } from '../../../worker/pipeline/index'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

describe('prepare: transforms and windows respect the split', () => {
  it('fits scaling on the training part only: changing validation and test values changes no statistic', () => {
    const values = seasonalSeries(120)
    const leaked = values.map((v, t) => (t >= 96 ? v * 100 : v))
    const config = tinyConfig({ transforms: { scaling: 'zscore', log: 'log', difference: 'none' } })
    const a = prepare(monthlySeries(values), config)
    const b = prepare(monthlySeries(leaked), config)
    expect(b.split.train.end).toBe(96)
    expect(b.state.targets[0].transform).toEqual(a.state.targets[0].transform)
    expect(Array.from(b.train.x)).toEqual(Array.from(a.train.x))
    // The fitted mean is the training mean of the logs, not the whole series'.
    const trainLogMean = values.slice(0, 96).reduce((s, v) => s + Math.log(v), 0) / 96
    expect(a.state.targets[0].transform.scale.shift).toBeCloseTo(trainLogMean, 12)
  })

  it('training windows end before validation; validation windows score only validation targets', () => {
    const series = monthlySeries(seasonalSeries(120))
    const p = prepare(series, tinyConfig())
    const H = p.shape.outputs
    const { train, validation } = p.split
    for (const o of p.trainOrigins) expect(o + H).toBeLessThanOrEqual(train.end)
    expect(p.validationOrigins[0]).toBe(train.end - H + 1)
    p.validationOrigins.forEach((o, i) => {
      for (let k = 0; k < H; k++) {
        const y = p.validation.y[i * H + k]
        const inside = o + k >= train.end && o + k < validation.end
        expect(Number.isNaN(y)).toBe(!inside)
      }
    })
    expect(p.validationOrigins.at(-1)).toBe(validation.end - 1)
  })

  it('every horizon step is scored on every validation point (windows straddle the split)', () => {
    const p = prepare(monthlySeries(seasonalSeries(120)), tinyConfig())
    const H = p.shape.outputs
    const perStep = Array.from(
      { length: H },
      (_, k) => p.validationOrigins.filter((_, i) => !Number.isNaN(p.validation.y[i * H + k])).length,
    )
    expect(perStep).toEqual(Array.from({ length: H }, () => p.split.validation.end - p.split.train.end))
  })

  it('without a validation part there are no validation windows', () => {
    const config = tinyConfig({ split: { validation: { count: 0 }, test: { count: 12 } } })
    expect(prepare(monthlySeries(seasonalSeries(120)), config).validationOrigins).toEqual([])
  })

  it('differenced targets are windowed in z-space and the transform inverts exactly', () => {
    const values = seasonalSeries(120)
    const p = prepare(
      monthlySeries(values),
      tinyConfig({ transforms: { scaling: 'zscore', log: 'none', difference: 'first' } }),
    )
    expect(p.zc.lag).toBe(1)
    const transform = TargetTransform.fromJSON(p.state.targets[0].transform)
    const origin = p.trainOrigins[3]
    const zTargets = Array.from(p.train.y).slice(3 * 6, 4 * 6)
    const levels = transform.inverseForecast(zTargets, values.slice(0, origin + 1))
    levels.forEach((level, k) => expect(level).toBeCloseTo(values[origin + 1 + k], 9))
  })

  it('seasonal-residual mode adds the seasonal difference channel and refuses nothing on short seasons', () => {
    const p = prepare(monthlySeries(seasonalSeries(120)), tinyConfig({ targetMode: 'seasonalResidual' }))
    expect(p.state.spec.inputSize).toBe(2)
    expect(p.trainOrigins[0]).toBeGreaterThanOrEqual(12)
  })

  it('refuses recursive models with past covariates and windows that do not fit', () => {
    const values = seasonalSeries(60)
    const withPast = { ...monthlySeries(values), pastCovariates: [{ name: 'x', values }] }
    expect(() => prepare(withPast, tinyConfig({ strategy: 'recursive' }))).toThrow(/recursive/)
    expect(() => prepare(monthlySeries(values), tinyConfig({ lookback: 40 }))).toThrow(
      /no complete training window/,
    )
  })
})
