import { describe, expect, it } from 'vitest'
import { createReferenceBackend, mulberry32, normalSampler, paramCount } from '../../../worker/engine/index'
import { seasonalNaiveForecast, TargetTransform } from '../../../worker/statistics/index'
import { parseManifest, serializeModel, toTrainedModel } from '../../../worker/model-format/index'
import {
  inProcessTrainer,
  forecastAhead,
  prepare,
  runAuto,
  runPipeline,
  type SeriesInput,
  type Trainer,
} from '../../../worker/pipeline/index'
import { predictOriginalAll } from '../../../worker/pipeline/predict'
import { constantOutputParams, modelWith, monthly, seasonalSeries, tinyConfig } from './helpers'

const n = 120
const a = seasonalSeries(n, 3)
/** A second target on another scale that follows the first two months late. */
const b = a.map((_, t) => 400 + 3 * a[Math.max(0, t - 2)] + 2 * normalSampler(mulberry32(t + 1))())

function twoTargets(): SeriesInput {
  return {
    targets: [
      { name: 'a', values: a },
      { name: 'b', values: b },
    ],
    timestamps: monthly(n),
    frequency: { unit: 'month', step: 1 },
  }
}

describe('two targets: windows and transforms', () => {
  it('reads both targets and writes H values per target, target-major', () => {
    const config = tinyConfig({ lookback: 4, horizon: 3 })
    const p = prepare(twoTargets(), config)
    expect(p.state.spec.inputSize).toBe(2)
    expect(p.state.spec.outputSize).toBe(6)
    expect(p.state.targets.map((t) => t.name)).toEqual(['a', 'b'])
    const [za, zb] = p.state.targets.map((t, i) => TargetTransform.fromJSON(t.transform).transform([a, b][i]))
    p.trainOrigins.slice(0, 5).forEach((o, i) => {
      for (let k = 0; k < 3; k++) {
        expect(p.train.y[i * 6 + k]).toBeCloseTo(za[o + k], 12)
        expect(p.train.y[i * 6 + 3 + k]).toBeCloseTo(zb[o + k], 12)
      }
      expect(p.train.x[i * 8 + 6]).toBeCloseTo(za[o - 1], 12)
      expect(p.train.x[i * 8 + 7]).toBeCloseTo(zb[o - 1], 12)
    })
  })

  it('fits each target its own transform on the training part and inverts each with it', () => {
    const config = tinyConfig({ horizon: 4 })
    const p = prepare(twoTargets(), config)
    const predictor = {
      backend: createReferenceBackend(p.state.spec, 'float32'),
      params: constantOutputParams(p.state, 0),
      state: p.state,
    }
    const [[fa, fb]] = predictOriginalAll(predictor, p.zc, [a, b], [100], 4)
    const mean = (values: number[]) => values.slice(0, 96).reduce((s, v) => s + v, 0) / 96
    fa.forEach((value) => expect(value).toBeCloseTo(mean(a), 3))
    fb.forEach((value) => expect(value).toBeCloseTo(mean(b), 3))
  })

  it('in residual mode every target falls back to its own seasonal naive, direct and recursive', () => {
    for (const strategy of ['direct', 'recursive'] as const) {
      const p = prepare(twoTargets(), tinyConfig({ targetMode: 'seasonalResidual', strategy, horizon: 6 }))
      expect(p.state.spec.inputSize).toBe(4)
      const predictor = {
        backend: createReferenceBackend(p.state.spec, 'float32'),
        params: constantOutputParams(p.state, 0),
        state: p.state,
      }
      const [[fa, fb]] = predictOriginalAll(predictor, p.zc, [a, b], [100], 6)
      const naive = (values: number[]) =>
        seasonalNaiveForecast(Float64Array.from(values.slice(0, 100)), 6, 12).mean
      Array.from(naive(a)).forEach((v, k) => expect(fa[k]).toBeCloseTo(v, 3))
      Array.from(naive(b)).forEach((v, k) => expect(fb[k]).toBeCloseTo(v, 3))
    }
  })

  it('refuses a bad target, naming it, whichever place it has in the list', () => {
    const withB = (values: number[]) => ({
      ...twoTargets(),
      targets: [
        { name: 'a', values: a },
        { name: 'b', values },
      ],
    })
    const nan = [...b.slice(0, 50), NaN, ...b.slice(51)]
    expect(() => prepare(withB(nan), tinyConfig())).toThrow(/target "b" value 50 is missing/)
    const first = {
      ...twoTargets(),
      targets: [
        { name: 'b', values: nan },
        { name: 'a', values: a },
      ],
    }
    expect(() => prepare(first, tinyConfig())).toThrow(/target "b" value 50 is missing/)
    const twice = { ...twoTargets(), targets: [...twoTargets().targets, { name: 'b', values: b }] }
    expect(() => prepare(twice, tinyConfig())).toThrow(/target "b" is listed twice/)
    expect(() => prepare(withB(b.slice(0, 10)), tinyConfig())).toThrow(/target "b" has 10 values/)
    expect(() => prepare({ ...twoTargets(), targets: [] }, tinyConfig())).toThrow(/at least one target/)
  })
})

describe('two targets: judged, saved and forecast per target', () => {
  it('scores each target with its own metrics, baselines, backtest, intervals and forecast', async () => {
    const result = await runPipeline(twoTargets(), tinyConfig(), { backend: 'reference' })
    expect(result.targets.map((target) => target.name)).toEqual(['a', 'b'])
    const [judgedA, judgedB] = result.targets
    for (const [judged, values] of [
      [judgedA, a],
      [judgedB, b],
    ] as const) {
      expect(judged.test!.metrics.mae).toBeGreaterThan(0)
      expect(judged.test!.metrics.mase).toBeGreaterThan(0)
      expect(Array.from(judged.test!.actual)).toEqual(values.slice(108))
      expect(judged.backtest!.perOrigin).toHaveLength(2)
    }
    // Different scales: b's errors and baselines are its own, not a's.
    expect(judgedB.test!.baselines.naive.metrics!.mae).not.toBeCloseTo(
      judgedA.test!.baselines.naive.metrics!.mae,
      1,
    )
    expect(result.model.calibrations).toHaveLength(2)
    const [first, second] = result.forecast.targets
    expect(first.name).toBe('a')
    expect(second.name).toBe('b')
    expect(second.mean[0]).toBeGreaterThan(450)
    const band = second.intervals.find((i) => i.level === 80)!
    expect(band.lower[0]).toBeLessThan(second.mean[0])
  })

  it('refits one network per backtest origin for every target at once', async () => {
    let trainings = 0
    const trainer: Trainer = (request) => {
      trainings++
      return inProcessTrainer(request)
    }
    const config = tinyConfig({ epochs: 1, backtest: { origins: 2, refit: true } })
    const result = await runPipeline(twoTargets(), config, { quick: false, trainer, backend: 'reference' })
    // The evaluated network, one refit per origin, and the final fit on all the data.
    expect(trainings).toBe(4)
    for (const target of result.targets) {
      expect(target.backtest!.refit).toBe(true)
      expect(target.backtest!.perOrigin).toHaveLength(2)
    }
  }, 60_000)

  it('survives a save and load with every target’s calibration', async () => {
    const p = prepare(twoTargets(), tinyConfig({ horizon: 3 }))
    const random = mulberry32(8)
    const params = Float32Array.from({ length: paramCount(p.state.spec) }, () => random() - 0.5)
    const model = modelWith(p.state, params, twoTargets())
    const { manifest } = serializeModel(model)
    expect(manifest.features).toEqual(['target.a', 'target.b'])
    const loaded = toTrainedModel(parseManifest(JSON.stringify(manifest)).manifest, params)
    const before = await forecastAhead(model, twoTargets(), { backend: 'reference' })
    const after = await forecastAhead(loaded, twoTargets(), { backend: 'reference' })
    for (const t of [0, 1])
      expect(Array.from(after.targets[t].mean)).toEqual(Array.from(before.targets[t].mean))
    manifest.calibrations.pop()
    expect(() => parseManifest(JSON.stringify(manifest))).toThrow(
      /2 target\(s\) need as many interval calibrations/,
    )
  })
})

describe('Auto with two targets', () => {
  it('keeps bounded intervals for the further target through the fold judgement and the refit', async () => {
    const auto = await runAuto(twoTargets(), {
      horizon: 6,
      test: 12,
      quick: true,
      backend: 'reference',
      overrides: { layers: [{ cell: 'lstm', units: 4, dropout: 0 }], epochs: 3, patience: 0 },
    })
    for (const calibration of auto.result.model.calibrations)
      expect(Array.from(calibration.halfWidths[80]).every(Number.isFinite)).toBe(true)
    for (const target of auto.result.targets) expect(target.test!.metrics.coverage[80]).toBeGreaterThan(0)
  }, 60_000)
})

describe('learning two related targets', () => {
  it('forecasts both far better than their means', async () => {
    const config = tinyConfig({
      layers: [{ cell: 'lstm', units: 16, dropout: 0 }],
      epochs: 60,
      optimizer: { name: 'adam', lr: 0.01 },
      seed: 2,
    })
    const result = await runPipeline(twoTargets(), config, { quick: true, backend: 'reference' })
    for (const target of result.targets) {
      const meanBaseline = target.test!.baselines.mean.metrics!.mae
      expect(target.test!.metrics.mae).toBeLessThan(0.5 * meanBaseline)
    }
  }, 60_000)
})
