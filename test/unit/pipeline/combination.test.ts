import { describe, expect, it } from 'vitest'
import { describePreprocessing } from '../../../worker/export/index'
import { readPreprocessing } from '../../../worker/export/read/read-preprocessing'
import { rebuildTrainedModel } from '../../../worker/export/read/rebuild-model'
import {
  parseManifest,
  parseWeights,
  serializeModel,
  toTrainedModel,
} from '../../../worker/model-format/index'
import {
  forecastAhead,
  runPipeline,
  type SeriesInput,
  type TrainedModel,
  type Trainer,
} from '../../../worker/pipeline/index'
import { mulberry32, normalSampler, paramLayout } from '../../../worker/engine/index'
import {
  chooseCombination,
  combinationRuleFor,
  EQUAL_WEIGHTS,
  FEW_POINTS_WEIGHTS,
} from '../../../worker/pipeline/choose-combination'
import { combineForecast } from '../../../worker/pipeline/combination'
import { trainOnSeries } from '../../../worker/pipeline/run'
import { fixedEtsForecast } from '../../../worker/statistics/ets/fixed-ets'
import { fixedThetaForecast } from '../../../worker/statistics/baselines/fixed-theta'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

const values = seasonalSeries(108, 6)
const series = monthlySeries(values)
const half = { network: 0.5, ets: 0.25, theta: 0.25 }

function networkOnly(model: TrainedModel): TrainedModel {
  const { combination: _combination, ...config } = model.state.config
  return { ...model, state: { ...model.state, config } }
}

describe('a forecast combined with exponential smoothing', () => {
  it('weighs the network and the ETS companion, and gives the ETS weight back when there is none', () => {
    const network = Float64Array.of(10, 20)
    const none = { ets: null, theta: null }
    expect(Array.from(combineForecast(network, [1, 2, 3], none, half))).toEqual([10, 20])
  })

  it('fits its companions on the training part only, and forecasts their weighted sum', async () => {
    const result = await runPipeline(series, tinyConfig({ combination: half }), { quick: true })
    const { ets: etsModel, theta: thetaModel } = result.model.state.targets[0]!.companions!
    expect(etsModel).not.toBeNull()
    expect(thetaModel).not.toBeNull()
    // The final fit saw every point, so its companion runs through all of them before forecasting.
    const ahead = await forecastAhead(result.model, series)
    const alone = await forecastAhead(networkOnly(result.model), series)
    const ets = fixedEtsForecast(etsModel!, values, 6)
    const theta = fixedThetaForecast(thetaModel!, values, 6)
    ahead.targets[0]!.mean.forEach((value, k) =>
      expect(value).toBeCloseTo(0.5 * alone.targets[0]!.mean[k]! + 0.25 * ets[k]! + 0.25 * theta[k]!, 6),
    )
    // The evaluated network's companion never saw validation or test: changing them changes nothing.
    const changed = values.map((value, t) => (t >= 84 ? value * 3 : value))
    const [a, b] = await Promise.all(
      [values, changed].map((v) => trainOnSeries(monthlySeries(v), tinyConfig({ combination: half }))),
    )
    expect(a!.model.state.targets[0]!.companions).toEqual(b!.model.state.targets[0]!.companions)
  })

  it('survives the native format and the exports, and a damaged companion is refused by name', async () => {
    const { model } = await runPipeline(series, tinyConfig({ combination: half }), { quick: true })
    const { manifest, weights } = serializeModel(model)
    const parsed = parseManifest(JSON.stringify(manifest))
    const back = toTrainedModel(parsed.manifest, parseWeights(parsed.manifest, weights))
    expect(back.state).toEqual(model.state)
    const description = readPreprocessing(JSON.parse(JSON.stringify(describePreprocessing(model))))
    const rebuilt = rebuildTrainedModel(description, model.state.spec, Float32Array.from(model.params))
    const [native, exported] = await Promise.all([
      forecastAhead(model, series),
      forecastAhead(rebuilt, series),
    ])
    exported.targets[0]!.mean.forEach((value, k) => expect(value).toBeCloseTo(native.targets[0]!.mean[k]!, 4))

    const damaged = structuredClone(manifest)
    damaged.pipeline.targets[0]!.companions!.ets!.initialState = [1]
    expect(() => parseManifest(JSON.stringify(damaged))).toThrow(/ETS companion of target "value"/)
    const badWeights = {
      ...JSON.parse(JSON.stringify(describePreprocessing(model))),
      combination: { network: 2, ets: 0, theta: 0 },
    }
    expect(() => readPreprocessing(badWeights)).toThrow(/combination weights must be ≥ 0 and sum to 1/)
  })
})

describe('Auto chooses the combination on the validation folds', () => {
  it('tries the network alone, the statistics alone and mixes, and keeps the lowest pooled error', async () => {
    const config = tinyConfig({ split: { validation: { count: 12 }, test: { count: 12 } } })
    const fold = tinyConfig({ split: { validation: { count: 12 }, test: { count: 24 } } })
    const runs = await Promise.all([trainOnSeries(series, config), trainOnSeries(series, fold)])
    const { scores, chosen, main } = chooseCombination(series, runs)
    expect(scores[0]!.weights).toEqual({ network: 1, ets: 0, theta: 0 })
    expect(scores.map((score) => score.weights)).toContainEqual({ network: 0, ets: 1, theta: 0 })
    expect(scores.map((score) => score.weights)).toContainEqual({ network: 0, ets: 0, theta: 1 })
    expect(scores.map((score) => score.weights)).toContainEqual({ network: 0.5, ets: 0.25, theta: 0.25 })
    // A short series keeps equal weights unless another combination is clearly (20 %) better.
    const lowest = scores.reduce((a, b) => (b.validationScore < a.validationScore ? b : a))
    const equal = scores.find((score) => score.weights === EQUAL_WEIGHTS)!
    expect(chosen).toEqual(lowest.validationScore < 0.8 * equal.validationScore ? lowest : equal)
    expect(main.prepared.state.config.combination).toEqual(chosen.weights)
    // Share 1 is the network alone: its score is the network's own pooled validation error.
    expect(scores[0]!.validationScore).toBeGreaterThan(0)
  })
})

describe('equal weights unless validation is clearly better (short series) or simply better (long ones)', () => {
  /** Every weight zero: a level network forecasts the training mean, far from a trending series. */
  const zeroTrainer: Trainer = async (request) => {
    const size = paramLayout(request.settings.spec).reduce((total, entry) => total + entry.size, 0)
    return { params: new Float32Array(size), bestEpoch: 0, epochsRun: 1, trainLoss: [0], valLoss: [0] }
  }
  const runsOf = (s: SeriesInput) =>
    Promise.all(
      [12, 24].map((test) =>
        trainOnSeries(s, tinyConfig({ split: { validation: { count: 12 }, test: { count: test } } }), {
          trainer: zeroTrainer,
        }),
      ),
    )
  const chosenOf = async (v: number[]) => {
    const s = monthlySeries(v)
    const { scores, chosen } = chooseCombination(s, await runsOf(s))
    const equal = scores.find((score) => score.weights === EQUAL_WEIGHTS)!.validationScore
    return { chosen, equal, lowest: Math.min(...scores.map((score) => score.validationScore)) }
  }

  it('leaves equal weights on a short series when the network is clearly worse than the statistics', async () => {
    // A steady trend: the zero network (the training mean) is far off, ETS and Theta follow it.
    const { chosen, equal, lowest } = await chosenOf(
      Array.from({ length: 108 }, (_, t) => 100 + 2 * t + Math.sin(t)),
    )
    expect(lowest).toBeLessThan(0.8 * equal)
    expect(chosen.validationScore).toBe(lowest)
    expect(chosen.weights.network).toBe(0)
  })

  it('keeps equal weights on a short series whose combinations are all about as good', async () => {
    // Noise around a level: the zero network (the training mean) is about as good as ETS and Theta.
    const normal = normalSampler(mulberry32(5))
    const { chosen, equal, lowest } = await chosenOf(Array.from({ length: 108 }, () => 100 + 5 * normal()))
    expect(lowest).toBeLessThan(equal)
    expect(lowest).toBeGreaterThan(0.8 * equal)
    expect(chosen.weights).toEqual(EQUAL_WEIGHTS)
  })

  it('keeps the lowest validation error as it is on a long series', async () => {
    const long = seasonalSeries(240, 12)
    const { chosen, lowest } = await chosenOf(long)
    expect(chosen.validationScore).toBe(lowest)
  })

  it('gives a very short series fixed weights, a quarter to the network, whatever validation says', async () => {
    // The same steady trend as above, 60 points: validation would drop the zero network entirely.
    const s = monthlySeries(Array.from({ length: 60 }, (_, t) => 100 + 2 * t + Math.sin(t)))
    const { scores, chosen, rule } = chooseCombination(s, await runsOf(s))
    expect(rule).toBe('fixed')
    expect(chosen.weights).toEqual(FEW_POINTS_WEIGHTS)
    expect(FEW_POINTS_WEIGHTS).toEqual({ network: 0.25, ets: 0.375, theta: 0.375 })
    expect(Math.min(...scores.map((score) => score.validationScore))).toBeLessThan(chosen.validationScore)
    expect([79, 80, 199, 200].map(combinationRuleFor)).toEqual([
      'fixed',
      'clearMargin',
      'clearMargin',
      'lowest',
    ])
  })
})
