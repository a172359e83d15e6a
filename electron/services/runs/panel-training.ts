import type { PanelRunOptions, PanelRunResult } from '../../../worker/panel/panel-run'
import { backtestPanel, type BacktestOrigin, type PanelBacktest } from '../../../worker/panel/panel-backtest'
import { evaluatePanel, type PanelEvaluation } from '../../../worker/panel/panel-evaluation'
import type { PanelConfig, PanelInput } from '../../../worker/panel/types'
import type { Frequency } from '../../../worker/timeseries/frequency'
import type { NetworkRole } from '../../../worker/training/network-role'
import type { Trainer } from '../../../worker/training/trainer'
import type { PanelModel } from '../models/panel/panel-model-folder'
import { panelBacktestView } from './panel-backtest-view'

/**
 * Training a global model on a panel, the same for the command line and the app: the last `test`
 * points of every series (the horizon) are held out and scored against the baselines, then the
 * network is trained again on every point; that one is saved and forecasts ahead. Where the
 * networks train (a pool of its own, the app's pool under a run) is the caller's `runOnce`.
 * With `backtestOrigins` K > 0, K rolling-origin backtests (worker/panel/panel-backtest.ts) train
 * the test part's configuration on the data before each origin's cut.
 */

/** How a run's networks are named beside their loss curves (e.g. a backtest origin); absent: as the run names them. */
export type RunStage = Pick<NetworkRole, 'stage' | 'origin' | 'origins'>

export type RunPanelOnce = (
  input: PanelInput,
  run: Omit<PanelRunOptions, 'trainer'>,
  stage?: RunStage,
) => Promise<PanelRunResult>

/** The trainer with every network it trains named by `stage` (the global model names them as plain training). */
export function trainerFor(trainer: Trainer, stage: RunStage | undefined): Trainer {
  if (!stage) return trainer
  return (request) => trainer({ ...request, role: { ...request.role, ...stage } })
}

export interface PanelTrainPlan {
  horizon: number
  /** Points held out per series for the test part: 0 or the horizon. */
  test: number
  seed?: number
  overrides: Partial<PanelConfig>
  /** Rolling-origin backtests before the test part (0 or absent: none; each costs a training). */
  backtestOrigins?: number
}

/** The held-out test part: what was trained on, what happened, and how both were judged. */
export interface PanelJudged {
  train: Float64Array[]
  actual: Float64Array[]
  result: PanelRunResult
  evaluation: PanelEvaluation
}

export interface PanelTraining {
  judged: PanelJudged | null
  backtest: PanelBacktest | null
  final: PanelRunResult
  model: PanelModel
  summary: Record<string, unknown>
}

export interface PanelMeta {
  keyNames: string[]
  target: string
  frequency: Frequency | null
}

/** The protocol horizon of the competitions: 8 quarters, 13 weeks, 18 months, 14 days… */
export function defaultPanelHorizon(season: number): number {
  if (season === 4) return 8
  if (season === 52) return 13
  if (season === 12) return 18
  if (season === 7) return 14
  if (season === 24) return 48
  return 6
}

export function holdOut(panel: PanelInput, test: number): { train: PanelInput; actual: Float64Array[] } {
  const series = panel.series.map((s) => ({
    ...s,
    values: Float64Array.from(s.values).subarray(0, Math.max(0, s.values.length - test)),
  }))
  return {
    train: { ...panel, series },
    actual: panel.series.map((s) =>
      Float64Array.from(s.values).subarray(Math.max(0, s.values.length - test)),
    ),
  }
}

export interface PanelTrainingHooks {
  /** Told when the test part is judged. */
  onJudged?: (judged: PanelJudged) => void
  /** Asked before each backtest origin: false leaves the remaining origins untrained (the run was stopped). */
  keepBacktesting?: () => boolean
  /** Told of each backtest origin once it is scored (or why it is not). */
  onBacktestOrigin?: (origin: BacktestOrigin) => void
  /**
   * Asked before the final fit with the best epoch (1-based) of every network trained so far (test
   * part, backtest origins); the settings it returns apply to the final fit (e.g. fewer epochs after a stop).
   */
  beforeFinalFit?: (bestEpochs: number[]) => Partial<PanelConfig> | void
}

/**
 * Judges on the held-out part (when `test` > 0) and backtests before it, then trains on every
 * point. Without a test part the backtests follow the final fit, whose configuration they take.
 */
export async function trainPanelModel(
  panel: PanelInput,
  meta: PanelMeta,
  plan: PanelTrainPlan,
  runOnce: RunPanelOnce,
  hooks: PanelTrainingHooks = {},
): Promise<PanelTraining> {
  const run = { horizon: plan.horizon, seed: plan.seed, overrides: plan.overrides }
  // Only the networks' best epochs are kept of the runs before the final fit, not their forecasts.
  const bestEpochs: number[] = []
  const trained = (result: PanelRunResult) => {
    bestEpochs.push(...result.model.members.map((member) => member.bestEpoch + 1))
    return result
  }
  const backtestWith = async (config: PanelConfig) => {
    const origins = plan.backtestOrigins ?? 0
    if (origins === 0) return null
    // Every origin trains the main run's configuration as it is: Auto does not choose again.
    return backtestPanel(
      panel,
      config,
      { origins, horizon: plan.horizon, test: plan.test },
      async (input, origin) =>
        trained(await runOnce(input, { ...run, overrides: config }, { stage: 'backtest', origin, origins })),
      { keepGoing: hooks.keepBacktesting, onOrigin: hooks.onBacktestOrigin },
    )
  }
  let judged: PanelJudged | null = null
  let backtest: PanelBacktest | null = null
  if (plan.test > 0) {
    const { train, actual } = holdOut(panel, plan.test)
    // The judged networks say how many origins follow them, so the time left can count them.
    const announced: RunStage | undefined = plan.backtestOrigins
      ? { stage: 'train', origins: plan.backtestOrigins }
      : undefined
    const result = trained(await runOnce(train, run, announced))
    const history = result.cleaned.map((c) => c.values)
    judged = {
      train: history,
      actual,
      result,
      // ETS and Theta as baselines are the run's own companions, fitted on the same training parts.
      evaluation: evaluatePanel(history, actual, result.forecasts, panel.period, result.companions),
    }
    hooks.onJudged?.(judged)
    backtest = await backtestWith(result.config)
  }
  const finalSettings = bestEpochs.length > 0 ? hooks.beforeFinalFit?.(bestEpochs) : undefined
  if (finalSettings) run.overrides = { ...run.overrides, ...finalSettings }
  const final = await runOnce(panel, run, { stage: 'final' })
  if (plan.test === 0) backtest = await backtestWith(final.config)
  const summary = {
    series: panel.series.length,
    horizon: plan.horizon,
    test: judged
      ? {
          network: judged.evaluation.network,
          baselines: judged.evaluation.baselines,
          fallbackSeries: judged.result.fallback.length,
        }
      : null,
    backtest: backtest ? panelBacktestView(backtest) : null,
    combination: final.combination,
    etsVariant: final.etsVariant,
    fallbackSeries: final.fallback.map((i) => panel.series[i].key.join('/')),
    untrainedSeries: final.untrained,
    epochs: final.model.members.map((m) => m.epochsRun),
    bestEpochs: final.model.members.map((m) => m.bestEpoch + 1),
    trainSeconds: final.trainSeconds,
  }
  const model: PanelModel = {
    info: {
      format: 'lstm-studio-panel-model',
      version: 1,
      config: final.config,
      keyNames: meta.keyNames,
      target: meta.target,
      period: panel.period,
      season: panel.season ?? panel.period,
      frequency: meta.frequency,
      members: final.model.members.length,
      networkWeight: final.combination.weights.network,
      combination: final.combination.weights,
      etsVariant: final.etsVariant,
      ...(final.model.inputs ? { inputs: final.model.inputs } : {}),
      intervals: {
        levels: final.calibration.levels,
        halfWidths: Object.fromEntries(
          // JSON has no Infinity: an unbounded band (too few series to calibrate it) is saved as null.
          final.calibration.levels.map((l) => [
            l,
            Array.from(final.calibration.halfWidths[l], (v) => (Number.isFinite(v) ? v : null)),
          ]),
        ),
      },
      summary,
    },
    params: final.model.params,
  }
  return { judged, backtest, final, model, summary }
}
