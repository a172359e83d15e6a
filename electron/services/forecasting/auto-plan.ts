import { forecastingSettingsSchema, trainingConfigSchema } from '../../api/requests/training'
import type { AutoPlan } from '../../api/requests/training-auto'
import { autoConfig, periodOf, seriesLength } from '../../../worker/pipeline/index'
import type { PipelineConfig, SeriesInput } from '../../../worker/pipeline/index'
import type { ProjectSession } from '../projects'
import { CodedError } from '../storage'
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
  assertLongEnough(config, length)
  return {
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
      test: config.split.test,
      backtest: config.backtest,
    }),
    length,
    period,
    ensemble: config.ensemble,
  }
}

function countOf(size: PipelineConfig['split']['test']): number {
  return 'count' in size ? size.count : 0
}

/** Auto's split must leave at least one training window before validation and test. */
function assertLongEnough(config: PipelineConfig, length: number): void {
  const trainLength = length - countOf(config.split.test) - countOf(config.split.validation)
  if (trainLength - config.lookback - config.horizon + 1 < 1)
    throw new CodedError(
      'SERIES_TOO_SHORT',
      `The series has ${length} rows: too few for Auto's lookback ${config.lookback}, horizon ${config.horizon}, validation and test parts`,
    )
}
