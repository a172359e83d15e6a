import path from 'node:path'
import type { AutoChoice } from '../../api/requests/training-auto'
import type { TrainingStartArgs } from '../../api/requests/training'
import type { ModelEvaluation } from '../../api/requests/models'
import { seriesLength, type ForecastRunResult, type SeriesInput } from '../../../worker/pipeline/index'
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
  return `${stack} · ${args.source.targets.join(', ')}`
}

/** Auto's choice as the Forecast screen shows it: every candidate's pooled validation error. */
export function autoChoiceOf(result: ForecastRunResult, stopped: boolean): AutoChoice | undefined {
  if (!result.chosen || !result.candidates) return undefined
  return {
    method: result.method ?? 'network',
    points: result.finalFit.observations,
    chosen: result.chosen,
    candidates: result.candidates.map((candidate) => ({
      targetMode: candidate.targetMode,
      validationMae: Number.isFinite(candidate.validationScore) ? candidate.validationScore : null,
      residualWeight: candidate.targetMode === result.chosen ? result.config.residualWeight : 1,
      epochsRun: candidate.epochsRun,
      folds: candidate.folds,
      state: stopped ? 'stopped' : 'completed',
    })),
    ...(result.combinations ? { combinations: combinationsOf(result) } : {}),
    ...(result.combinationRule ? { combinationRule: result.combinationRule } : {}),
  }
}

function combinationsOf(result: ForecastRunResult): NonNullable<AutoChoice['combinations']> {
  const kept = result.config.combination
  return (result.combinations ?? []).map(({ weights, validationScore }) => ({
    network: weights.network,
    ets: weights.ets,
    theta: weights.theta,
    validationMae: Number.isFinite(validationScore) ? validationScore : null,
    kept: kept !== undefined && JSON.stringify(kept) === JSON.stringify(weights),
  }))
}

/** Saves a finished run as models/<runId>/ with its evaluation.json and adds it to the project. */
export async function saveRunModel(runId: string, run: FinishedRun & { stopped: boolean }): Promise<void> {
  const { session, args, series, result } = run
  const directory = await session.resolve(`models/${runId}`)
  const name = modelName(args)
  const summary = { ...args.config, forecasting: args.forecasting, source: args.source }
  const judged = evaluationView(runId, name, series, result, summary)
  const auto = autoChoiceOf(result, run.stopped)
  const view = auto ? { ...judged, auto } : judged
  await saveModelFolder(directory, result.model, {
    metrics: metricsFile(view),
    training: {
      ...summary,
      data: { rows: seriesLength(series) },
      epochs: result.training,
      finalFit: result.finalFit,
    },
  })
  await writeJsonAtomic(path.join(directory, EVALUATION_FILE), view)
  // The project's model list sums a model up by the target the Forecast screen opens on.
  const headline = view.targets[0]!.metrics.test
  await session.addModel({
    id: runId,
    name,
    runId,
    spec: { layers: args.config.layers.length, cell: args.config.layers[0]?.cell ?? 'lstm' },
    metrics: {
      testMae: finiteOrNull(headline.mae),
      testMase: headline.mase,
      testSmape: finiteOrNull(headline.smape),
    },
  })
}

/** model.json's metrics: every target's validation and test scores beside its baselines. */
function metricsFile(view: ModelEvaluation) {
  return {
    targets: view.targets.map((target) => ({
      name: target.target,
      validation: target.metrics.validation,
      test: target.metrics.test,
      baselines: Object.fromEntries(target.baselines.map((baseline) => [baseline.name, baseline.test])),
    })),
  }
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}
