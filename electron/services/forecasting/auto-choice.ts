import type { TrainingJobStatus } from '../../api/requests/training'
import type { AutoChoice, CandidateMode } from '../../api/requests/training-auto'
import type { Prepared, SeriesInput } from '../../../worker/pipeline/index'
import type { EvaluateTask } from '../../../worker/tasks/evaluate-worker'
import type { TrainingService } from '../training/training-service'
import type { Evaluator } from './evaluator'
import { jobOutcome } from './job-outcome'

interface Candidate {
  mode: CandidateMode
  jobId: string
  prepared: Prepared
}

interface Judged {
  mode: CandidateMode
  /** The candidate's pipeline state with the residual share its judgement chose. */
  prepared: Prepared
  task: EvaluateTask
  validationMae: number
}

export interface CandidateChoice {
  winner: Judged
  auto: AutoChoice
}

/**
 * Judges every candidate that kept weights (completed, or stopped with its best so far) on the
 * validation part in original units, and picks the lower error. Only validation decides: the
 * test part stays unseen, and the series' name plays no part. Null when no candidate has weights.
 */
export async function chooseCandidate(
  training: TrainingService,
  evaluator: Evaluator,
  series: SeriesInput,
  candidates: Candidate[],
  statuses: TrainingJobStatus[],
): Promise<CandidateChoice | null> {
  const judged: Array<Judged | null> = []
  for (const [i, candidate] of candidates.entries())
    judged.push(await judge(training, evaluator, series, candidate, statuses[i]!))
  const scored = judged.filter((entry): entry is Judged => entry !== null)
  if (scored.length === 0) return null
  const winner = scored.reduce((best, next) => (lowerError(next, best) ? next : best))
  return {
    winner,
    auto: {
      chosen: winner.mode,
      candidates: candidates.map((candidate, i) => ({
        targetMode: candidate.mode,
        validationMae: finiteOrNull(judged[i]?.validationMae),
        residualWeight: (judged[i]?.prepared ?? candidate.prepared).state.config.residualWeight,
        epochsRun: statuses[i]!.epoch,
        state: statuses[i]!.state,
      })),
    },
  }
}

/** An undefined score (no validation point) never wins over a defined one. */
function lowerError(next: Judged, best: Judged): boolean {
  const score = (entry: Judged) => (Number.isFinite(entry.validationMae) ? entry.validationMae : Infinity)
  return score(next) < score(best)
}

async function judge(
  training: TrainingService,
  evaluator: Evaluator,
  series: SeriesInput,
  candidate: Candidate,
  status: TrainingJobStatus,
): Promise<Judged | null> {
  const weights = training.weights(candidate.jobId)
  if ((status.state !== 'completed' && status.state !== 'stopped') || weights === null) return null
  const task: EvaluateTask = {
    series,
    state: candidate.prepared.state,
    params: weights,
    outcome: jobOutcome(training, candidate.jobId, status),
  }
  const judgement = await evaluator.judge(task)
  const state = {
    ...candidate.prepared.state,
    config: { ...candidate.prepared.state.config, residualWeight: judgement.residualWeight },
  }
  return {
    mode: candidate.mode,
    prepared: { ...candidate.prepared, state },
    task: { ...task, state },
    validationMae: judgement.validationScore,
  }
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null
}
