import { describe, expect, it } from 'vitest'
import { paramLayout } from '../../../worker/engine/index'
import { describePreprocessing } from '../../../worker/export/index'
import { readPreprocessing } from '../../../worker/export/read/read-preprocessing'
import { rebuildTrainedModel } from '../../../worker/export/read/rebuild-model'
import {
  parseManifest,
  parseWeights,
  serializeModel,
  toTrainedModel,
} from '../../../worker/model-format/index'
import { forecastAhead, runAuto, runPipeline, type Trainer } from '../../../worker/pipeline/index'
import { buildTargets } from '../../../worker/pipeline/inputs'
import { baseForecasts, fitEtsBase } from '../../../worker/pipeline/residual-base'
import { trainOnSeries } from '../../../worker/pipeline/run'
import { TargetTransform } from '../../../worker/statistics/index'
import { fixedEtsForecast } from '../../../worker/statistics/ets/fixed-ets'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

/** Every weight zero: a residual network's correction is exactly 0, so its forecast is its base. */
const zeroTrainer: Trainer = async (request) => {
  const size = paramLayout(request.settings.spec).reduce((total, entry) => total + entry.size, 0)
  return { params: new Float32Array(size), bestEpoch: 0, epochsRun: 1, trainLoss: [0], valLoss: [0] }
}

const values = seasonalSeries(120, 5)
const series = monthlySeries(values)
const etsConfig = tinyConfig({ targetMode: 'etsResidual', epochs: 3 })

/** The ETS base's forecast after the whole series, back in original units. */
function etsInOriginalUnits(model: Awaited<ReturnType<typeof runPipeline>>['model'], steps: number) {
  const target = model.state.targets[0]!
  const transform = TargetTransform.fromJSON(target.transform)
  const z = transform.transform(values)
  const zForecast = fixedEtsForecast(target.etsBase!, z, steps)
  return transform.inverseForecast(zForecast, values)
}

describe('the network on an exponential-smoothing-normalised series (ETS residual)', () => {
  it('learns targets that are the series minus the ETS forecast, one pass for many origins', () => {
    const z = Float64Array.from(values, (v) => (v - 60) / 10)
    const base = { kind: 'ets' as const, model: fitEtsBase(z.subarray(0, 96), 12) }
    const origins = [12, 13, 20, 40, 41, 90]
    const y = buildTargets(z, origins, 6, base)
    origins.forEach((o, i) => {
      const alone = fixedEtsForecast(base.model, z.subarray(0, o), 6)
      for (let k = 0; k < 6; k++) expect(y[i * 6 + k]! + alone[k]!).toBeCloseTo(z[o + k]!, 10)
    })
    // Origins out of order restart the walk and still give each origin's own forecast.
    const shuffled = [40, 12, 90]
    baseForecasts(base, z, shuffled, 6).forEach((forecast, i) =>
      expect(Array.from(forecast)).toEqual(
        Array.from(fixedEtsForecast(base.model, z.subarray(0, shuffled[i]), 6)),
      ),
    )
  })

  it('forecasts exactly the ETS base when the network adds nothing, direct and recursive alike', async () => {
    for (const strategy of ['direct', 'recursive'] as const) {
      const result = await runPipeline(
        series,
        { ...etsConfig, strategy },
        { trainer: zeroTrainer, quick: true },
      )
      const expected = etsInOriginalUnits(result.model, 6)
      // The final fit refitted the base on every point, as it does the network.
      const refitted = fitEtsBase(
        TargetTransform.fromJSON(result.model.state.targets[0]!.transform).transform(values),
        12,
      )
      expect(result.model.state.targets[0]!.etsBase).toEqual(refitted)
      result.forecast.targets[0]!.mean.forEach((value, k) => expect(value).toBeCloseTo(expected[k]!, 6))
    }
  })

  it('fits its base on the training part only', async () => {
    const changed = values.map((value, t) => (t >= 96 ? value * 3 : value))
    const [a, b] = await Promise.all(
      [values, changed].map((v) => trainOnSeries(monthlySeries(v), etsConfig, { trainer: zeroTrainer })),
    )
    expect(a!.model.state.targets[0]!.etsBase).toEqual(b!.model.state.targets[0]!.etsBase)
  })

  it('survives the native format and the exports; an export without its base is refused by name', async () => {
    const { model } = await runPipeline(series, etsConfig, { quick: true })
    const { manifest, weights } = serializeModel(model)
    const parsed = parseManifest(JSON.stringify(manifest))
    const back = toTrainedModel(parsed.manifest, parseWeights(parsed.manifest, weights))
    expect(back.state).toEqual(model.state)
    const description = JSON.parse(JSON.stringify(describePreprocessing(model)))
    const rebuilt = rebuildTrainedModel(
      readPreprocessing(description),
      model.state.spec,
      Float32Array.from(model.params),
    )
    const [native, exported] = await Promise.all([
      forecastAhead(model, series),
      forecastAhead(rebuilt, series),
    ])
    exported.targets[0]!.mean.forEach((value, k) => expect(value).toBeCloseTo(native.targets[0]!.mean[k]!, 4))

    delete description.targets[0].etsBase
    expect(() => readPreprocessing(description)).toThrow(/target "value" has no etsBase/)
    const damaged = structuredClone(manifest)
    damaged.pipeline.targets[0]!.etsBase!.initialState = [1]
    expect(() => parseManifest(JSON.stringify(damaged))).toThrow(/ETS base of target "value"/)
  })

  it('is one of the candidates Auto judges on its validation folds', async () => {
    const auto = await runAuto(series, { trainer: zeroTrainer, backend: 'reference', quick: true })
    expect(auto.candidates.map((candidate) => candidate.targetMode)).toEqual([
      'level',
      'seasonalResidual',
      'etsResidual',
    ])
    expect(Number.isFinite(auto.candidates[2]!.validationScore)).toBe(true)
  })
})
