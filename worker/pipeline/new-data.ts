import type { BackendChoice } from './backend'
import { trainOnSeries } from './run'
import type { TrainEpoch, Trainer } from './trainer'
import type { SeriesInput, TrainedModel } from './types'

export { forecastAhead } from './forecast-ahead'

export interface FineTuneOptions {
  /** Few epochs: the point is to adapt, not to start over. Default 5. */
  epochs?: number
  /** Learning rate for the fine-tune; default a fifth of the original. */
  lr?: number
  trainer?: Trainer
  backend?: BackendChoice
  onEpoch?: (report: TrainEpoch) => void
}

/**
 * Warm start on a grown series: continues from the trained weights with the trained scaling
 * (so old and new forecasts stay comparable), the newest horizon held out for early stopping
 * and recalibrating the intervals.
 */
export async function fineTune(
  model: TrainedModel,
  series: SeriesInput,
  options: FineTuneOptions = {},
): Promise<TrainedModel> {
  const config = structuredClone(model.state.config)
  config.epochs = options.epochs ?? 5
  config.patience = 0
  config.optimizer = { ...config.optimizer, lr: options.lr ?? config.optimizer.lr / 5 }
  config.split = { validation: { count: config.horizon }, test: { count: 0 } }
  const run = await trainOnSeries({ ...series, frequency: series.frequency ?? model.frequency }, config, {
    trainer: options.trainer,
    backend: options.backend,
    onEpoch: options.onEpoch,
    initialParams: model.params,
    fixedState: model.state,
  })
  // The returned model keeps its own recipe; the fine-tune settings were for this run only.
  return { ...run.model, state: { ...run.model.state, config: structuredClone(model.state.config) } }
}
