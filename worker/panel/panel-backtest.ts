import { cleanSeries } from './clean-series'
import { intervalCoverage } from './interval-coverage'
import type { CombinationWeights } from '../pipeline/combination'
import { BASELINE_NAMES, evaluatePanel, type BaselineName, type MethodScore } from './panel-evaluation'
import type { PanelRunResult } from './panel-run'
import type { PanelConfig, PanelInput } from './types'
import { cutRanges } from './window-sampler'

/**
 * Rolling-origin backtests over a panel, as the M competitions' rolling evaluations: origin k
 * (k = 1..K) cuts every series k·h points before the start of its test part (before its end
 * without one), a global network with the main run's configuration (Auto is not asked again)
 * trains on the points before the cut only, forecasts the h points after it, is combined with
 * ETS and Theta by the same validation rule, and is scored beside the baselines. Each origin is
 * one more test part: their mean says more than a single horizon can.
 */

export interface PanelBacktestPlan {
  /** Number of origins K ≥ 1; each one trains the whole configuration again. */
  origins: number
  horizon: number
  /** Points held out at each series' end for the test part (0: none); the origins cut before them. */
  test: number
}

/** What one origin gives the network: the series long enough for it, cut, and what followed the cut. */
export interface OriginCut {
  origin: number
  /** Points dropped from each series' end: the test part and k horizons. */
  cutFromEnd: number
  /** Index in the panel of each series scored at this origin, in the order of `input.series`. */
  scored: number[]
  /** The scored series' points before the cut: all the network may train and forecast from. */
  input: PanelInput
  /** The h points after the cut of each scored series. */
  actual: Float64Array[]
  /** Series with fewer points before the cut than the network's minimum input (counted, not scored). */
  tooShort: number
  /** Series missing the point right before the cut or one of the h after it (counted, not scored). */
  missingAtCut: number
}

/** Why an origin has no scores. */
export type OriginSkipped =
  /** Every series was too short before the cut, or missing a point at it. */
  | 'noSeries'
  /** No series before the cut is long enough for a training window and a validation block. */
  | 'untrainable'
  /** The run was stopped before this origin's networks could train. */
  | 'stopped'
  /** Naive2 was exact on every series, so OWA has nothing to be relative to. */
  | 'unscorable'

export type BacktestMethod = 'network' | BaselineName

export interface BacktestScores {
  scores: Record<BacktestMethod, MethodScore>
  /** Share of the held-out points inside the 80 % and 95 % bands (null: no bounded band). */
  coverage: { 80: number | null; 95: number | null }
}

export interface BacktestOrigin extends Partial<BacktestScores> {
  origin: number
  cutFromEnd: number
  series: number
  tooShort: number
  missingAtCut: number
  /** The network's combination with ETS and Theta, chosen on this origin's own validation block. */
  combination: CombinationWeights | null
  skipped: OriginSkipped | null
  /** What happened, in English, for logs and the command line; null when the origin was scored. */
  note: string | null
}

export interface BacktestMean {
  /** Origins the mean is over (those scored). */
  origins: number
  scores: Record<BacktestMethod, { smape: number; mase: number; owa: number }>
  coverage: { 80: number | null; 95: number | null }
}

export interface PanelBacktest {
  horizon: number
  origins: BacktestOrigin[]
  mean: BacktestMean | null
}

/** Trains and forecasts one origin's panel with the main run's configuration. */
export type RunOrigin = (input: PanelInput, origin: number) => Promise<PanelRunResult>

export const BACKTEST_METHODS: readonly BacktestMethod[] = ['network', ...BASELINE_NAMES]

/** Points dropped from each series' end for origin k: the test part, then k horizons. */
export function cutFromEnd(origin: number, plan: PanelBacktestPlan): number {
  return plan.test + origin * plan.horizon
}

/** Cuts the panel at origin k: a series is scored when the network can read it and what followed is known. */
export function cutAtOrigin(
  panel: PanelInput,
  origin: number,
  plan: PanelBacktestPlan,
  minObserved: number,
): OriginCut {
  const dropped = cutFromEnd(origin, plan)
  const scored: number[] = []
  const series: PanelInput['series'] = []
  const actual: Float64Array[] = []
  let tooShort = 0
  let missingAtCut = 0
  panel.series.forEach((s, index) => {
    const all = Float64Array.from(s.values)
    const cut = all.length - dropped
    const history = all.subarray(0, Math.max(0, cut))
    // The network's own rule (panel-forecast.ts): fewer points than its minimum input is too short.
    if (cut <= 0 || cleanSeries(history).values.length < Math.max(1, minObserved)) {
      tooShort++
      return
    }
    const after = all.slice(cut, cut + plan.horizon)
    // The forecast starts after the last observed point: a gap right before the cut would shift it
    // against the held-out points, and a missing held-out point cannot be scored.
    if (!Number.isFinite(all[cut - 1]) || after.some((v) => !Number.isFinite(v))) {
      missingAtCut++
      return
    }
    scored.push(index)
    // Copies, not views: no value after the cut travels with the history (to the run thread or a
    // pool). Covariates travel whole: known ahead, they are the cut's future rows.
    series.push({
      ...s,
      values: history.slice(),
      timestamps: s.timestamps ? Float64Array.from(s.timestamps).slice(0, cut) : s.timestamps,
    })
    actual.push(after)
  })
  return {
    origin,
    cutFromEnd: dropped,
    scored,
    input: { ...panel, series },
    actual,
    tooShort,
    missingAtCut,
  }
}

/** Whether some series before the cut gives a training window (the global model's own test). */
export function trainable(cut: OriginCut, config: Pick<PanelConfig, 'horizon' | 'minObserved'>): boolean {
  const lengths = cut.input.series.map((s) => cleanSeries(s.values).values.length - config.horizon)
  return cutRanges(lengths, config.minObserved, config.horizon).length > 0
}

function unscored(cut: OriginCut, skipped: OriginSkipped, note: string): BacktestOrigin {
  return {
    origin: cut.origin,
    cutFromEnd: cut.cutFromEnd,
    series: 0,
    tooShort: cut.tooShort,
    missingAtCut: cut.missingAtCut,
    combination: null,
    skipped,
    note,
  }
}

/** One origin's scores: the network (combined as its validation chose) and the baselines, on the same series. */
export function scoreOrigin(cut: OriginCut, result: PanelRunResult, period: number): BacktestOrigin {
  const history = result.cleaned.map((c) => c.values)
  let evaluation: ReturnType<typeof evaluatePanel>
  try {
    // ETS and Theta as baselines are the origin's own companions, fitted on the same histories.
    evaluation = evaluatePanel(history, cut.actual, result.forecasts, period, result.companions)
  } catch (error) {
    return unscored(cut, 'unscorable', `origin ${cut.origin}: ${(error as Error).message}`)
  }
  return {
    origin: cut.origin,
    cutFromEnd: cut.cutFromEnd,
    series: cut.scored.length,
    tooShort: cut.tooShort,
    missingAtCut: cut.missingAtCut,
    combination: result.combination.weights,
    skipped: null,
    note: null,
    scores: { network: evaluation.network, ...evaluation.baselines },
    coverage: {
      80: intervalCoverage(cut.actual, result.intervals, 80),
      95: intervalCoverage(cut.actual, result.intervals, 95),
    },
  }
}

function meanOf(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

function meanOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null)
  return known.length > 0 ? meanOf(known) : null
}

/** The mean over the scored origins of each method's sMAPE, MASE and OWA, and of the coverages. */
export function meanOverOrigins(origins: readonly BacktestOrigin[]): BacktestMean | null {
  const scored = origins.filter((o): o is BacktestOrigin & BacktestScores => !!o.scores && !!o.coverage)
  if (scored.length === 0) return null
  const methodMean = (method: BacktestMethod) => ({
    smape: meanOf(scored.map((o) => o.scores[method].smape)),
    mase: meanOf(scored.map((o) => o.scores[method].mase)),
    owa: meanOf(scored.map((o) => o.scores[method].owa)),
  })
  return {
    origins: scored.length,
    scores: Object.fromEntries(BACKTEST_METHODS.map((m) => [m, methodMean(m)])) as BacktestMean['scores'],
    coverage: {
      80: meanOrNull(scored.map((o) => o.coverage[80])),
      95: meanOrNull(scored.map((o) => o.coverage[95])),
    },
  }
}

export interface BacktestHooks {
  /** Asked before each origin: false leaves it untrained (the run was stopped). */
  keepGoing?: () => boolean
  /** Told of each origin once it is scored or skipped: progress for the run's log and the command line. */
  onOrigin?: (origin: BacktestOrigin) => void
}

/** Origin k: cut, trained and scored, or why not. */
async function backtestOrigin(
  panel: PanelInput,
  config: PanelConfig,
  plan: PanelBacktestPlan,
  k: number,
  run: RunOrigin,
  keepGoing: () => boolean,
): Promise<BacktestOrigin> {
  const cut = cutAtOrigin(panel, k, plan, config.minObserved)
  if (!keepGoing()) return unscored(cut, 'stopped', `origin ${k}: the run was stopped before it trained`)
  if (cut.scored.length === 0)
    return unscored(cut, 'noSeries', `origin ${k}: no series has enough points before the cut`)
  if (!trainable(cut, config)) {
    const needed = config.minObserved + 2 * config.horizon
    return unscored(
      cut,
      'untrainable',
      `origin ${k}: no series has ${needed} points before the cut to train on`,
    )
  }
  const result = await run(cut.input, k)
  // A stop before these networks trained left them at their random start: nothing worth scoring.
  if (result.model.members.some((member) => member.skipped))
    return unscored(cut, 'stopped', `origin ${k}: the run was stopped before its networks trained`)
  return scoreOrigin(cut, result, panel.period)
}

/**
 * Runs the K origins one after the other (each a full training). A stopped run leaves the
 * remaining origins untrained; an origin that cannot be trained or scored says why instead of
 * failing the run.
 */
export async function backtestPanel(
  panel: PanelInput,
  config: PanelConfig,
  plan: PanelBacktestPlan,
  run: RunOrigin,
  hooks: BacktestHooks = {},
): Promise<PanelBacktest> {
  if (!Number.isInteger(plan.origins) || plan.origins < 1)
    throw new RangeError(`backtest origins must be a whole number ≥ 1, got ${plan.origins}`)
  if (plan.horizon !== config.horizon)
    throw new RangeError(`backtest horizon ${plan.horizon} differs from the model's ${config.horizon}`)
  const keepGoing = hooks.keepGoing ?? (() => true)
  const origins: BacktestOrigin[] = []
  for (let k = 1; k <= plan.origins; k++) {
    const origin = await backtestOrigin(panel, config, plan, k, run, keepGoing)
    origins.push(origin)
    hooks.onOrigin?.(origin)
  }
  return { horizon: plan.horizon, origins, mean: meanOverOrigins(origins) }
}
