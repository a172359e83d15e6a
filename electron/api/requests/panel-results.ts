/**
 * What the Panel screen reads of a trained panel model: the panel's M-competition scores beside
 * the baselines', and per series the scores of the network and of its best baseline on the
 * held-out last horizon (null when the model was trained without a test part).
 */

export type PanelMethodName = 'network' | 'naive' | 'seasonalNaive' | 'naive2' | 'ets' | 'theta'

export interface PanelMethodScore {
  smape: number
  /** NaN is sent as null (every series' training part was constant). */
  mase: number | null
  /** Relative to Naive2 on the same series (M4's OWA); null when Naive2 scores 0. */
  owa: number | null
}

export interface PanelSeriesRow {
  index: number
  key: string[]
  length: number
  missing: number
  /** The network's sMAPE and MASE on the test part. */
  smape: number | null
  mase: number | null
  /** The baseline with the lowest sMAPE on this series, and its scores. */
  bestBaseline: Exclude<PanelMethodName, 'network'> | null
  baselineSmape: number | null
  baselineMase: number | null
  /** The series' last points (missing as null), for a sparkline. */
  spark: Array<number | null>
}

/** A backtest origin scores what the test part scores: the network and every baseline. */
export type PanelBacktestMethod = PanelMethodName

/** Why a backtest origin has no scores (see worker/panel/panel-backtest.ts). */
export type PanelBacktestSkipped = 'noSeries' | 'untrainable' | 'stopped' | 'unscorable'

export interface PanelBacktestOrigin {
  /** k = 1..K: the cut is k horizons before the test part's start (the series' end without one). */
  origin: number
  /** Points dropped from each series' end before the h points this origin forecasts. */
  cutFromEnd: number
  /** Series scored at this origin. */
  series: number
  /** Series with too few points before the cut for the network (counted, not scored). */
  tooShort: number
  /** Series missing the point right before the cut or one of the h points after it (not scored). */
  missingAtCut: number
  /** The network's combination with ETS and Theta, chosen on this origin's validation block. */
  combination: { network: number; ets: number; theta: number } | null
  scores: Record<PanelBacktestMethod, PanelMethodScore> | null
  coverage: { 80: number | null; 95: number | null } | null
  skipped: PanelBacktestSkipped | null
  /** In English, for logs: what happened to an origin that was not scored. */
  note: string | null
}

export interface PanelBacktestResults {
  horizon: number
  origins: PanelBacktestOrigin[]
  /** Means over the scored origins; null when none was scored. */
  mean: {
    origins: number
    scores: Record<PanelBacktestMethod, PanelMethodScore>
    coverage: { 80: number | null; 95: number | null }
  } | null
}

export interface PanelResults {
  modelId: string
  datasetId: string
  keyNames: string[]
  horizon: number
  /** Per method, the panel's mean sMAPE, mean MASE and OWA on the test part; null without one. */
  scores: Record<PanelMethodName, PanelMethodScore> | null
  /** Share of held-out points inside the 80 % and 95 % bands over the panel (null: no bounded band). */
  coverage: { 80: number | null; 95: number | null } | null
  /** Series Theta forecast because they were too short for the network (counted, never dropped). */
  fallbackSeries: number
  /** Share of the network in its combination with ETS and Theta, as validation chose it. */
  networkWeight: number
  /** The combination's weights (network, ETS, Theta; they sum to 1). */
  combination: { network: number; ets: number; theta: number }
  /** Rolling-origin backtests over the panel; null when none was asked for (or the model predates them). */
  backtest: PanelBacktestResults | null
  series: PanelSeriesRow[]
}

export interface PanelBand {
  level: number
  /** null where the band is unbounded (too few series calibrated it). */
  lower: Array<number | null>
  upper: Array<number | null>
}

export interface PanelSeriesDetail {
  index: number
  key: string[]
  /** Epoch ms of the history's points, or null without dates (then the x axis is the step). */
  timestamps: number[] | null
  history: Array<number | null>
  /** Epoch ms of the forecast's steps (null without dates). */
  forecastTimestamps: number[] | null
  forecast: number[]
  intervals: PanelBand[]
  /** The forecast of the held-out last horizon from the training part, aligned with the history's end. */
  testForecast: number[] | null
}
