import { forecastingSettingsSchema, trainingConfigSchema } from '../../api/requests/training'
import type { AutoPlan } from '../../api/requests/training-auto'
import {
  autoConfig,
  periodOf,
  seriesLength,
  statisticalTest,
  whyNoNetwork,
} from '../../../worker/pipeline/index'
import type { SeriesInput } from '../../../worker/pipeline/index'
import type { ProjectSession } from '../projects'
import { datasetSeries, findDataset } from './dataset-series'
import type { SeriesChoice } from './dataset-series'

/**
 * The Auto preset of the Model screen, from the pipeline's own rules (autoConfig) on the
 * dataset's series: only its length and seasonal period decide, never its name.
 */
export async function autoPlan(
  session: ProjectSession,
  request: SeriesChoice & { datasetId: string },
): Promise<AutoPlan> {
  const series = await datasetSeries(session, findDataset(session, request.datasetId), request)
  return planFor(series)
}

export function planFor(series: SeriesInput): AutoPlan {
  const length = seriesLength(series)
  const period = periodOf(series)
  const config = autoConfig(series, 'level')
  const statistical = whyNoNetwork(series)
  // A statistical forecast holds out a test part only where enough is left before it.
  const test = statistical === null ? config.split.test : { count: statisticalTest(series, config.horizon) }
  return {
    statistical,
    config: trainingConfigSchema.parse({
      layers: config.layers.map(({ cell, units, dropout }) => ({ cell, units, dropout })),
      lookback: config.lookback,
      horizon: config.horizon,
      batchSize: config.batchSize,
      epochs: config.epochs,
      optimizer: { kind: 'adam', lr: config.optimizer.lr },
      clipNorm: config.clipNorm > 0 ? config.clipNorm : null,
      loss: config.loss,
      patience: config.patience,
      seed: config.seed,
    }),
    forecasting: forecastingSettingsSchema.parse({
      strategy: config.strategy,
      stride: config.stride,
      targetMode: 'auto',
      scaling: config.transforms.scaling,
      log: config.transforms.log,
      difference: config.transforms.difference,
      validation: config.split.validation,
      test,
      backtest: config.backtest,
    }),
    length,
    period,
    ensemble: config.ensemble,
  }
}
