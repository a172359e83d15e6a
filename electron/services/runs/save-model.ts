import path from 'node:path'
import type { AutoChoice } from '../../api/requests/training-auto'
import type { TrainingStartArgs } from '../../api/requests/training'
import type { ForecastRunResult, SeriesInput } from '../../../worker/pipeline/index'
import { evaluationView } from '../forecasting/evaluation-view'
import { saveModelFolder } from '../models'
import type { ProjectSession } from '../projects'
import { writeJsonAtomic } from '../storage'

export const EVALUATION_FILE = 'evaluation.json'

export interface FinishedRun {
  session: ProjectSession
  args: TrainingStartArgs
  series: SeriesInput
  result: ForecastRunResult
}

/** A name a person can read in the model list: the stack and the target(s). */
export function modelName(args: TrainingStartArgs): string {
  const stack = args.config.layers.map((l) => `${l.cell.toUpperCase()} ${l.units}`).join(' → ')
  return `${stack} · ${[args.source.target, ...args.source.extraTargets].join(', ')}`
}

/** Auto's choice as the Forecast screen shows it: every candidate's pooled validation error. */
export function autoChoiceOf(result: ForecastRunResult, stopped: boolean): AutoChoice | undefined {
  if (!result.chosen || !result.candidates) return undefined
  return {
    chosen: result.chosen,
    candidates: result.candidates.map((candidate) => ({
      targetMode: candidate.targetMode,
      validationMae: Number.isFinite(candidate.validationScore) ? candidate.validationScore : null,
      residualWeight: candidate.targetMode === result.chosen ? result.config.residualWeight : 1,
      epochsRun: candidate.epochsRun,
      folds: candidate.folds,
      state: stopped ? 'stopped' : 'completed',
    })),
  }
}

/** Saves a finished run as models/<runId>/ with its evaluation.json and adds it to the project. */
export async function saveRunModel(runId: string, run: FinishedRun & { stopped: boolean }): Promise<void> {
  const { session, args, series, result } = run
  const directory = await session.resolve(`models/${runId}`)
  const name = modelName(args)
  const summary = { ...args.config, forecasting: args.forecasting, source: args.source }
  const judged = evaluationView(runId, name, args.source.target, series, result, summary)
  const auto = autoChoiceOf(result, run.stopped)
  const view = auto ? { ...judged, auto } : judged
  await saveModelFolder(directory, result.model, {
    metrics: { test: view.metrics.test, validation: view.metrics.validation, baselines: view.baselines },
    training: {
      ...summary,
      data: { rows: series.target.length },
      epochs: result.training,
      finalFit: result.finalFit,
    },
  })
  await writeJsonAtomic(path.join(directory, EVALUATION_FILE), view)
  await session.addModel({
    id: runId,
    name,
    runId,
    spec: { layers: args.config.layers.length, cell: args.config.layers[0]?.cell ?? 'lstm' },
    metrics: {
      testMae: finiteOrNull(view.metrics.test.mae),
      testMase: view.metrics.test.mase,
      testSmape: finiteOrNull(view.metrics.test.smape),
    },
  })
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}
