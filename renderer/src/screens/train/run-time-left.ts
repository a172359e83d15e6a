import type { TrainingCandidate } from '../../../../electron/api/requests/training-auto'

const ended = ['completed', 'stopped', 'cancelled', 'failed', 'interrupted']

/**
 * Epochs a run will still train after the networks it has started so far. Every run ends with a
 * final fit on all the data (worker/pipeline/final-fit.ts), one network per ensemble member,
 * started only once validation has judged the others: until it appears, count it as the members
 * of the first network trained on the main split, each for the epochs those networks trained
 * (an upper bound: the final fit stops at the epochs validation chose). A panel's backtest
 * origins train the same networks again, one origin after the other (the judged networks say how
 * many): the origins not started yet count as many more.
 * Backtest refits of a single series, asked for only with "refit at each origin", are not foreseen.
 */
export function epochsToCome(
  networks: readonly TrainingCandidate[],
  liveEpochs: (jobId: string) => number,
): number {
  if (networks.length === 0 || networks.some((network) => network.role.stage === 'final')) return 0
  const judged = networks.filter((network) => network.role.stage === 'train')
  if (judged.length === 0) return 0
  const epochsOf = (network: TrainingCandidate) => {
    const trained = Math.max(network.epoch, liveEpochs(network.jobId))
    return ended.includes(network.state) ? trained : network.epochs
  }
  const mean = judged.reduce((sum, network) => sum + epochsOf(network), 0) / judged.length
  const members = Math.max(1, judged[0]!.role.members)
  return Math.round(mean) * members * (1 + backtestOriginsToCome(networks))
}

/** Backtest origins of a panel run not started yet (its networks are named "origin k of K"). */
function backtestOriginsToCome(networks: readonly TrainingCandidate[]): number {
  const planned = Math.max(0, ...networks.map((network) => network.role.origins ?? 0))
  const started = new Set(
    networks.flatMap((network) => (network.role.stage === 'backtest' ? [network.role.origin] : [])),
  )
  return Math.max(0, planned - started.size)
}

/** When the run had trained how many epochs (fractional), as the screen saw it. */
export interface ProgressSample {
  at: number
  done: number
}

/** Samples older than this are forgotten: the pace is the recent one (networks differ in size). */
export const PACE_WINDOW_MS = 60_000

/** Keeps the recent samples; a run that started again (fewer epochs done) starts afresh. */
export function withSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples.at(-1)
  if (last && sample.done < last.done) return [sample]
  if (last && sample.done === last.done) return [...samples]
  return [...samples.filter((kept) => sample.at - kept.at <= PACE_WINDOW_MS), sample]
}

/**
 * Seconds the whole run still needs: the epochs left (started networks and those to come) at
 * the pace the run has kept lately over all its networks (several train at once on the pool), less
 * the time since the last sample, so the figure counts down between events. Null until a pace
 * is known.
 */
export function timeLeftSeconds(
  epochsLeft: number,
  samples: readonly ProgressSample[],
  now: number,
): number | null {
  const first = samples[0]
  const last = samples.at(-1)
  if (!first || !last || last.at - first.at < 1000) return null
  const perSecond = (last.done - first.done) / ((last.at - first.at) / 1000)
  if (!(perSecond > 0)) return null
  return Math.max(0, epochsLeft / perSecond - (now - last.at) / 1000)
}
