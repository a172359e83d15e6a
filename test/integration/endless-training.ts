import type { RequestArgs, RequestResult } from '../../electron/api/contract'

/**
 * `training.start` arguments for a small LSTM on the Auto plan's settings that trains until
 * something stops it (10,000 epochs, no early stop): for tests that close the app mid-run.
 */
export function endlessTrainingArgs(
  source: { projectId: string; datasetId: string; targets: string[] },
  plan: RequestResult<'training.autoPlan'>,
  runId: string,
  targetMode: 'auto' | 'level',
): RequestArgs<'training.start'> {
  return {
    source: { ...source, covariates: [] },
    config: {
      ...plan.config,
      layers: [{ cell: 'lstm', units: 8, dropout: 0 }],
      epochs: 10_000,
      patience: 0,
    },
    forecasting: { ...plan.forecasting, targetMode },
    runId,
  }
}
