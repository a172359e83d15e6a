import type { CompanionForecasts, CompanionWorkers } from '../../../worker/panel/companion-forecasts'
import type { CompanionTask } from '../../../worker/tasks/companion-task'
import type { TrainingService } from './training-service'

/**
 * A panel's ETS and Theta fitted on the training pool's threads: the series are cut into a few
 * chunks per thread (so a thread that draws long series does not hold the others up) and each
 * chunk is one pool task. The numbers are those of the same fits in one thread.
 */
const CHUNKS_PER_THREAD = 4

export function companionsOnPool(training: TrainingService): CompanionWorkers {
  return async (histories, period, horizon, variant) => {
    const size = Math.max(1, Math.ceil(histories.length / (training.poolSize * CHUNKS_PER_THREAD)))
    const chunks: Promise<CompanionForecasts>[] = []
    for (let from = 0; from < histories.length; from += size) {
      const task: CompanionTask = {
        // Copies: a chunk should not carry the whole panel's buffers to its thread.
        histories: histories.slice(from, from + size).map((h) => Float64Array.from(h)),
        period,
        horizon,
        variant,
      }
      chunks.push(training.runTask('companions', task) as Promise<CompanionForecasts>)
    }
    const parts = await Promise.all(chunks)
    return { ets: parts.flatMap((p) => p.ets), theta: parts.flatMap((p) => p.theta) }
  }
}
