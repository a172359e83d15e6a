import { describe, expect, it } from 'vitest'
import { mulberry32, paramCount, type LayerSpec } from '../../../worker/engine/index'
import { describePreprocessing } from '../../../worker/export/index'
import { readPreprocessing, rebuildTrainedModel } from '../../../worker/export/read/index'
import {
  calibratePerStep,
  forecastAhead,
  prepare,
  type PipelineConfig,
  type TrainedModel,
} from '../../../worker/pipeline/index'
import { modelWith, monthly, seasonalSeries, tinyConfig } from '../pipeline/helpers'
import { forecastWithRecipe } from './documented-recipe'
import { maxAbsDifference } from './networks'
import { onnxRunner, tfjsRunner } from './export-runners'

/** A two-target model exported to ONNX and TF.js forecasts both targets as the app does. */

const sales = seasonalSeries(96, 4)
const visits = sales.map((v, t) => 300 + 2 * v + 5 * Math.sin(t / 5))
const series = {
  targets: [
    { name: 'sales', values: sales },
    { name: 'visits', values: visits },
  ],
  timestamps: monthly(96),
  frequency: { unit: 'month' as const, step: 1 },
}

function twoTargetModel(config: Partial<PipelineConfig>, seed: number): TrainedModel {
  const { state } = prepare(series, tinyConfig(config))
  const random = mulberry32(seed)
  const params = Float32Array.from({ length: paramCount(state.spec) }, () => random() - 0.5)
  const model = modelWith(state, params, series)
  // visits gets intervals of its own, so a mix-up of the targets' intervals shows.
  const residuals = Array.from({ length: 30 }, (_, i) =>
    Float64Array.from({ length: state.config.horizon }, (_, k) => ((i % 5) - 2) * (k + 2)),
  )
  return {
    ...model,
    calibrations: [model.calibrations[0], calibratePerStep(residuals, state.config.horizon)],
  }
}

const layers = (...cells: LayerSpec['cell'][]) => cells.map((cell) => ({ cell, units: 5, dropout: 0 }))

const CASES = [
  {
    label: 'ONNX, direct level, log, LSTM',
    config: { layers: layers('lstm'), transforms: { scaling: 'zscore', log: 'log', difference: 'none' } },
    runtime: 'onnx',
  },
  {
    label: 'ONNX, recursive seasonal residual, first difference, GRU',
    config: {
      layers: layers('gru'),
      strategy: 'recursive',
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'zscore', log: 'none', difference: 'first' },
    },
    runtime: 'onnx',
  },
  {
    label: 'TF.js, direct seasonal residual, LSTM→RNN',
    config: {
      layers: layers('lstm', 'rnn'),
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'minmax', log: 'none', difference: 'none' },
    },
    runtime: 'tfjs',
  },
] as const

describe('two-target exports + documented recipe = the app’s forecast of each target', () => {
  it.each(CASES.map((c, i) => ({ ...c, seed: 70 + i })))('$label', async ({ config, runtime, seed }) => {
    const model = twoTargetModel(config as Partial<PipelineConfig>, seed)
    const steps = model.state.config.horizon
    const run = runtime === 'onnx' ? onnxRunner(model) : await tfjsRunner(model)
    const description = describePreprocessing(model)
    const recipe = await forecastWithRecipe(
      description,
      { targets: [sales, visits], past: [], future: [] },
      steps,
      run,
    )
    const app = (await forecastAhead(model, series, { backend: 'reference' })).targets
    expect(recipe).toHaveLength(2)
    recipe.forEach((forecast, t) => expect(maxAbsDifference(forecast, app[t].mean)).toBeLessThanOrEqual(1e-3))
  })

  it('describes the targets, their transforms, intervals and the output layout, and reads back', () => {
    const model = twoTargetModel({ layers: layers('lstm') }, 3)
    const description = describePreprocessing(model)
    expect(description.features).toEqual(['target.sales', 'target.visits'])
    expect(description.outputs).toBe(model.state.config.horizon)
    expect(description.targets.map((target) => target.name)).toEqual(['sales', 'visits'])
    description.targets.forEach((target, t) =>
      expect(target.transform).toEqual(model.state.targets[t].transform),
    )
    const rebuilt = rebuildTrainedModel(
      readPreprocessing(JSON.parse(JSON.stringify(description))),
      model.state.spec,
      model.params as Float32Array,
    )
    expect(rebuilt.state.targets).toEqual(model.state.targets)
    expect(rebuilt.calibrations[1].halfWidths[80]).not.toEqual(rebuilt.calibrations[0].halfWidths[80])
    rebuilt.calibrations.forEach((calibration, t) =>
      expect(calibration.halfWidths[80]).toEqual(model.calibrations[t].halfWidths[80]),
    )
  })
})
