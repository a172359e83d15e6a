import { describe, expect, it } from 'vitest'
import { mulberry32, paramCount, type LayerSpec } from '../../../worker/engine/index'
import {
  describePreprocessing,
  exportOnnx,
  exportTfjs,
  PREPROCESSING_KEY,
} from '../../../worker/export/index'
import { modelProtoType } from '../../../worker/export/onnx/onnx-schema'
import {
  forecastAhead,
  prepare,
  type PipelineConfig,
  type SeriesInput,
  type TrainedModel,
} from '../../../worker/pipeline/index'
import { modelWith, monthlySeries, seasonalSeries, tinyConfig } from '../pipeline/helpers'
import { forecastWithRecipe, type RawSeries } from './documented-recipe'
import { maxAbsDifference } from './networks'
import { onnxRunner, tfjsRunner } from './export-runners'

/**
 * End to end: the exported file run by its own runtime, wrapped in the scaling recipe from the
 * docs, forecasts what the app forecasts, in original units.
 */

const values = seasonalSeries(96, 8)
const pastValues = values.map((_, t) => 20 + 5 * Math.cos(t / 3))
const futureValues = Array.from({ length: values.length + 6 }, (_, t) => (t % 12 === 11 ? 1 : 0) + 0.1 * t)

function layers(...cells: LayerSpec['cell'][]): LayerSpec[] {
  return cells.map((cell) => ({ cell, units: 5, dropout: 0 }))
}

type Covariates = 'none' | 'future' | 'past and future'

function trainedModel(config: Partial<PipelineConfig>, covariates: Covariates, seed: number) {
  const past = covariates === 'past and future'
  const future = covariates !== 'none'
  const series: SeriesInput = {
    ...monthlySeries(values),
    pastCovariates: past ? [{ name: 'price', values: pastValues }] : [],
    futureCovariates: future ? [{ name: 'holiday', values: futureValues.slice(0, values.length) }] : [],
  }
  const { state } = prepare(series, tinyConfig(config))
  const random = mulberry32(seed)
  const params = Float32Array.from({ length: paramCount(state.spec) }, () => random() - 0.5)
  const raw: RawSeries = {
    targets: [values],
    past: past ? [pastValues] : [],
    future: future ? [futureValues] : [],
  }
  return { model: modelWith(state, params, series), series, raw }
}

async function appForecast(model: TrainedModel, series: SeriesInput, steps: number) {
  const futureCovariates = model.state.futureNames.length > 0 ? [futureValues.slice(values.length)] : []
  return (await forecastAhead(model, series, { horizon: steps, futureCovariates, backend: 'reference' }))
    .targets[0].mean
}

/** Forecasts are ~50–100; float32 networks agree to ~1e-6 relative. */
const TOLERANCE = 1e-3

const CASES = [
  {
    label: 'ONNX, direct level, log + first difference, past and future covariates, LSTM→GRU',
    config: {
      layers: layers('lstm', 'gru'),
      transforms: { scaling: 'zscore', log: 'log', difference: 'first' },
    },
    covariates: 'past and future',
    runtime: 'onnx',
  },
  {
    label: 'ONNX, direct seasonal residual, GRU',
    config: {
      layers: layers('gru'),
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'zscore', log: 'none', difference: 'none' },
    },
    covariates: 'none',
    runtime: 'onnx',
  },
  {
    label: 'ONNX, recursive seasonal residual with a future covariate, RNN×2',
    config: {
      layers: layers('rnn', 'rnn'),
      strategy: 'recursive',
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'minmax', log: 'log1p', difference: 'none' },
    },
    covariates: 'future',
    runtime: 'onnx',
  },
  {
    label: 'TF.js, direct level, seasonal difference, LSTM',
    config: {
      layers: layers('lstm'),
      transforms: { scaling: 'minmax', log: 'none', difference: 'seasonal' },
    },
    covariates: 'past and future',
    runtime: 'tfjs',
  },
  {
    label: 'TF.js, recursive level, LSTM→SimpleRNN',
    config: {
      layers: layers('lstm', 'rnn'),
      strategy: 'recursive',
      transforms: { scaling: 'zscore', log: 'log', difference: 'none' },
    },
    covariates: 'none',
    runtime: 'tfjs',
  },
  {
    label: 'TF.js, direct level, log + first difference, past and future covariates, GRU→LSTM (unrolled GRU)',
    config: {
      layers: layers('gru', 'lstm'),
      transforms: { scaling: 'zscore', log: 'log', difference: 'first' },
    },
    covariates: 'past and future',
    runtime: 'tfjs',
  },
  {
    label: 'TF.js, recursive seasonal residual, GRU×2 (unrolled)',
    config: {
      layers: layers('gru', 'gru'),
      strategy: 'recursive',
      targetMode: 'seasonalResidual',
      transforms: { scaling: 'minmax', log: 'none', difference: 'none' },
    },
    covariates: 'none',
    runtime: 'tfjs',
  },
] as const

describe('exported model + documented scaling recipe = the app’s forecast', () => {
  it.each(CASES.map((c, i) => ({ ...c, seed: 50 + i })))(
    '$label',
    async ({ config, covariates, runtime, seed }) => {
      const { model, series, raw } = trainedModel(config as Partial<PipelineConfig>, covariates, seed)
      const steps = model.state.config.horizon
      const run = runtime === 'onnx' ? onnxRunner(model) : await tfjsRunner(model)
      const [recipe] = await forecastWithRecipe(describePreprocessing(model), raw, steps, run)
      const app = await appForecast(model, series, steps)
      expect(recipe).toHaveLength(steps)
      expect(maxAbsDifference(recipe, app)).toBeLessThanOrEqual(TOLERANCE)
    },
  )

  it('ships the preprocessing inside each file', () => {
    const { model } = trainedModel({ layers: layers('lstm') }, 'past and future', 3)
    const description = describePreprocessing(model)
    expect(description.features).toEqual(['target.value', 'past.price', 'future.holiday'])
    const decoded = modelProtoType().toObject(modelProtoType().decode(exportOnnx(model))) as {
      metadata_props: { key: string; value: string }[]
    }
    const entry = decoded.metadata_props.find((prop) => prop.key === PREPROCESSING_KEY)
    expect(JSON.parse(entry?.value ?? 'null')).toEqual(description)
    expect(exportTfjs(model).modelJson.userDefinedMetadata).toEqual({ [PREPROCESSING_KEY]: description })
  })
})
