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
import { forecastAhead, runPipeline, type TrainedModel } from '../../../worker/pipeline/index'
import { chooseCombination } from '../../../worker/pipeline/choose-combination'
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
    expect(chosen.validationScore).toBe(Math.min(...scores.map((score) => score.validationScore)))
    expect(main.prepared.state.config.combination).toEqual(chosen.weights)
    // Share 1 is the network alone: its score is the network's own pooled validation error.
    expect(scores[0]!.validationScore).toBeGreaterThan(0)
  })
})
