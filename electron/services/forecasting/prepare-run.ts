import type { TrainingStartArgs } from '../../api/requests/training'
import { prepare } from '../../../worker/pipeline/index'
import type { Prepared, SeriesInput } from '../../../worker/pipeline/index'
import { CodedError } from '../storage'
import { toPipelineConfig } from './pipeline-config'

/**
 * The pipeline's windows for the app's settings. The pipeline refuses what cannot work on this
 * series (a log of non-positive values, a split that leaves no training window, seasonal
 * differencing without a period) with a RangeError written for people; it reaches the Model
 * screen as an INVALID_SETTINGS error with that message, not as an internal fault.
 */
export function prepareForRun(
  series: SeriesInput,
  args: Pick<TrainingStartArgs, 'config' | 'forecasting'>,
): Prepared {
  try {
    return prepare(series, toPipelineConfig(args.config, args.forecasting))
  } catch (error) {
    if (error instanceof RangeError) throw new CodedError('INVALID_SETTINGS', error.message, { cause: error })
    throw error
  }
}
