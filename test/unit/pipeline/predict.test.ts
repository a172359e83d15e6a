import { describe, expect, it } from 'vitest'
import { createReferenceBackend } from '../../../worker/engine/index'
import { seasonalNaiveForecast, TargetTransform } from '../../../worker/statistics/index'
import { prepare } from '../../../worker/pipeline/index'
import { toZColumns } from '../../../worker/pipeline/columns'
import { predictOriginal } from '../../../worker/pipeline/predict'
import { constantOutputParams, monthlySeries, seasonalSeries, tinyConfig } from './helpers'
import type { PipelineConfig } from '../../../worker/pipeline/index'

const values = seasonalSeries(120)
const series = monthlySeries(values)

function predictorFor(config: PipelineConfig, bias: number) {
  const p = prepare(series, config)
  const backend = createReferenceBackend(p.state.spec, 'float32')
  return { p, predictor: { backend, params: constantOutputParams(p.state, bias), state: p.state } }
}

describe('predictions come back on the original scale', () => {
  it('a level model that outputs z = 0 forecasts the training geometric mean (log + z-score inverted)', () => {
    const config = tinyConfig({ transforms: { scaling: 'zscore', log: 'log', difference: 'none' } })
    const { p, predictor } = predictorFor(config, 0)
    const [forecast] = predictOriginal(predictor, p.zc, values, [100], 6, 0)
    const geometricMean = Math.exp(values.slice(0, 96).reduce((s, v) => s + Math.log(v), 0) / 96)
    forecast.forEach((f) => expect(f).toBeCloseTo(geometricMean, 3))
  })

  it('a residual model that outputs 0 is exactly seasonal naive, direct and recursive alike', () => {
    for (const strategy of ['direct', 'recursive'] as const) {
      const config = tinyConfig({ targetMode: 'seasonalResidual', strategy, horizon: 18 })
      const { p, predictor } = predictorFor(config, 0)
      const [forecast] = predictOriginal(predictor, p.zc, values, [100], 18, 0)
      const expected = seasonalNaiveForecast(values.slice(0, 100), 18, 12).mean
      forecast.forEach((f, k) => expect(f).toBeCloseTo(expected[k], 3))
    }
  })

  it('a constant differenced step inverts to a straight line, direct and recursive alike', () => {
    const transforms = { scaling: 'zscore' as const, log: 'none' as const, difference: 'first' as const }
    const direct = predictorFor(tinyConfig({ transforms, strategy: 'direct' }), 0.5)
    const recursive = predictorFor(tinyConfig({ transforms, strategy: 'recursive' }), 0.5)
    const scale = TargetTransform.fromJSON(direct.p.state.targets[0].transform).toJSON().scale
    const step = 0.5 * scale.scale + scale.shift
    const [d] = predictOriginal(direct.predictor, direct.p.zc, values, [99], 6, 0)
    const [r] = predictOriginal(recursive.predictor, recursive.p.zc, values, [99], 6, 0)
    for (let k = 0; k < 6; k++) {
      expect(d[k]).toBeCloseTo(values[99] + (k + 1) * step, 3)
      expect(r[k]).toBeCloseTo(d[k], 3)
    }
    expect(recursive.p.state.spec.outputSize).toBe(1)
    expect(direct.p.state.spec.outputSize).toBe(6)
  })

  it('recursive rollout feeds its own predictions back (a seasonal-residual model beyond one season)', () => {
    const config = tinyConfig({
      targetMode: 'seasonalResidual',
      strategy: 'recursive',
      horizon: 24,
      lookback: 12,
    })
    const { p, predictor } = predictorFor(config, 0.1)
    const [forecast] = predictOriginal(predictor, p.zc, values, [100], 24, 0)
    const scale = p.state.targets[0].transform.scale.scale
    // Each season adds 0.1 z on top of the previous season's forecast.
    for (let k = 0; k < 12; k++) {
      expect(forecast[k] - values[100 + k - 12]).toBeCloseTo(0.1 * scale, 3)
      expect(forecast[k + 12] - values[100 + k - 12]).toBeCloseTo(0.2 * scale, 3)
    }
  })

  it('residualWeight scales the correction added to seasonal naive', () => {
    const full = predictorFor(tinyConfig({ targetMode: 'seasonalResidual' }), 0.4)
    const half = predictorFor(tinyConfig({ targetMode: 'seasonalResidual', residualWeight: 0.5 }), 0.4)
    const [a] = predictOriginal(full.predictor, full.p.zc, values, [100], 6, 0)
    const [b] = predictOriginal(half.predictor, half.p.zc, values, [100], 6, 0)
    for (let k = 0; k < 6; k++)
      expect(b[k] - values[100 + k - 12]).toBeCloseTo((a[k] - values[100 + k - 12]) / 2, 3)
  })

  it('an ensemble averages its members on the network scale', () => {
    const config = tinyConfig({ ensemble: 2 })
    const { p, predictor } = predictorFor(config, 0)
    const members = new Float32Array(2 * predictor.params.length)
    members.set(constantOutputParams(p.state, 1))
    members.set(constantOutputParams(p.state, -0.5), predictor.params.length)
    const [mean] = predictOriginal({ ...predictor, params: members }, p.zc, values, [100], 3, 0)
    const [alone] = predictOriginal(
      { ...predictor, params: constantOutputParams(p.state, 0.25) },
      p.zc,
      values,
      [100],
      3,
      0,
    )
    mean.forEach((v, k) => expect(v).toBeCloseTo(alone[k], 4))
    expect(() =>
      predictOriginal({ ...predictor, params: members.subarray(1) }, p.zc, values, [100], 3, 0),
    ).toThrow(/whole number/)
  })

  it('uses covariate columns scaled on the training part', () => {
    const covariate = values.map((_, t) => (t < 96 ? t % 5 : 1000))
    const withPast = { ...series, pastCovariates: [{ name: 'x', values: covariate }] }
    const zc = toZColumns(prepare(withPast, tinyConfig()).state, withPast)
    const train = covariate.slice(0, 96)
    const mean = train.reduce((s, v) => s + v, 0) / 96
    const sd = Math.sqrt(train.reduce((s, v) => s + (v - mean) ** 2, 0) / 96)
    expect(zc.columns[1][3]).toBeCloseTo((3 - mean) / sd, 12)
    expect(zc.columns[1][110]).toBeCloseTo((1000 - mean) / sd, 9)
  })
})
