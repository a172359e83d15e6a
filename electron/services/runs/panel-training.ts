import type { PanelRunOptions, PanelRunResult } from '../../../worker/panel/panel-run'
import { evaluatePanel, type PanelEvaluation } from '../../../worker/panel/panel-evaluation'
import type { PanelConfig, PanelInput } from '../../../worker/panel/types'
import type { Frequency } from '../../../worker/timeseries/frequency'
import type { PanelModel } from '../models/panel/panel-model-folder'

/**
 * Training a global model on a panel, the same for the command line and the app: the last `test`
 * points of every series (the horizon) are held out and scored against the baselines, then the
 * network is trained again on every point; that one is saved and forecasts ahead. Where the
 * networks train (a pool of its own, the app's pool under a run) is the caller's `runOnce`.
 */

export type RunPanelOnce = (
  input: PanelInput,
  run: Omit<PanelRunOptions, 'trainer'>,
) => Promise<PanelRunResult>

export interface PanelTrainPlan {
  horizon: number
  /** Points held out per series for the test part: 0 or the horizon. */
  test: number
  seed?: number
  overrides: Partial<PanelConfig>
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

/** Judges on the held-out part (when `test` > 0), then trains on every point. */
export async function trainPanelModel(
  panel: PanelInput,
  meta: PanelMeta,
  plan: PanelTrainPlan,
  runOnce: RunPanelOnce,
  /** Told when the test part is judged; settings it returns apply to the final fit (e.g. fewer epochs after a stop). */
  onJudged?: (judged: PanelJudged) => Partial<PanelConfig> | void,
): Promise<PanelTraining> {
  const run = { horizon: plan.horizon, seed: plan.seed, overrides: plan.overrides }
  let judged: PanelJudged | null = null
  if (plan.test > 0) {
    const { train, actual } = holdOut(panel, plan.test)
    const result = await runOnce(train, run)
    const trained = result.cleaned.map((c) => c.values)
    judged = {
      train: trained,
      actual,
      result,
      // ETS and Theta as baselines are the run's own companions, fitted on the same training parts.
      evaluation: evaluatePanel(trained, actual, result.forecasts, panel.period, result.companions),
    }
    const finalSettings = onJudged?.(judged)
    if (finalSettings) run.overrides = { ...run.overrides, ...finalSettings }
  }
  const final = await runOnce(panel, run)
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
  return { judged, final, model, summary }
}
