import type { RunOptions, TrainedRun } from './run'
import { trainOnSeries } from './run'
import { seriesLength } from './targets'
import type { PipelineConfig, SeriesInput, TrainedModel } from './types'

/** What the network that forecasts the future was trained on. */
export interface FinalFit {
  /** Observations the final network saw: every one of the series. */
  observations: number
  /** Epochs each member trained for: the ones validation chose for it. */
  memberEpochs: number[]
  /** The run was stopped before the final fit: the evaluated network forecasts instead. */
  skipped?: boolean
}

/**
 * Evaluation needs a holdout, the future does not: once validation has chosen the epochs (and
 * Auto its candidate and residual share), the same configuration is trained again on every
 * point of the series, transforms refitted on all of it, and that network makes the forecast
 * ahead and is the one saved and exported. Its intervals keep the calibration measured on
 * validation, where the errors were out of sample.
 */
export async function finalFit(
  series: SeriesInput,
  judged: TrainedRun,
  options: RunOptions,
): Promise<{ model: TrainedModel; fit: FinalFit }> {
  const config = judged.prepared.state.config
  // Each member is retrained from its own seed for the epochs its own early stopping chose; a
  // residual member whose start (seasonal naive) was best stays there (0 epochs).
  const memberEpochs = judged.network.members.map((member) => Math.max(0, member.bestEpoch + 1))
  const allData: PipelineConfig = {
    ...config,
    epochs: Math.max(1, ...memberEpochs),
    patience: 0,
    split: { validation: { count: 0 }, test: { count: 0 } },
  }
  const refitted = await trainOnSeries(series, allData, {
    ...options,
    onEpoch: undefined,
    memberEpochs,
    role: { ...options.role, stage: 'final' },
  })
  // Stopped before the final fit: the network that was evaluated forecasts (it never saw the holdout).
  if (refitted.network.skipped) {
    const observations = judged.prepared.split.test.start
    return { model: judged.model, fit: { observations, memberEpochs: [], skipped: true } }
  }
  const model: TrainedModel = {
    ...refitted.model,
    state: { ...refitted.prepared.state, config },
    calibrations: judged.model.calibrations,
  }
  return { model, fit: { observations: seriesLength(series), memberEpochs } }
}
