import type {
  PanelBacktestMethod,
  PanelBacktestResults,
  PanelMethodScore,
} from '../../../../electron/api/requests/panel'

/** The backtest table's rows, kept apart from the component: one per origin, then the mean over origins. */

export type BacktestBaseline = Exclude<PanelBacktestMethod, 'network'>

const BASELINES: readonly BacktestBaseline[] = ['naive', 'seasonalNaive', 'naive2', 'ets', 'theta']

export interface BacktestRow {
  /** The origin k, or null for the mean row. */
  origin: number | null
  series: number | null
  tooShort: number | null
  network: PanelMethodScore | null
  /** The baseline with the lowest OWA at this origin (or on average), the one the network must beat. */
  best: { name: BacktestBaseline; score: PanelMethodScore } | null
  theta: PanelMethodScore | null
  /** Share of held-out points inside the 80 % and 95 % bands (null: no bounded band). */
  coverage: { 80: number | null; 95: number | null } | null
  skipped: PanelBacktestResults['origins'][number]['skipped']
}

/** The baseline with the lowest OWA; an OWA that could not be computed never wins. */
export function bestBaseline(scores: Record<PanelBacktestMethod, PanelMethodScore>): {
  name: BacktestBaseline
  score: PanelMethodScore
} {
  const name = BASELINES.reduce((best, candidate) =>
    (scores[candidate].owa ?? Infinity) < (scores[best].owa ?? Infinity) ? candidate : best,
  )
  return { name, score: scores[name] }
}

export function backtestRows(backtest: PanelBacktestResults): BacktestRow[] {
  const rows: BacktestRow[] = backtest.origins.map((origin) => ({
    origin: origin.origin,
    series: origin.series,
    tooShort: origin.tooShort,
    network: origin.scores?.network ?? null,
    best: origin.scores ? bestBaseline(origin.scores) : null,
    theta: origin.scores?.theta ?? null,
    coverage: origin.coverage,
    skipped: origin.skipped,
  }))
  const mean = backtest.mean
  if (mean)
    rows.push({
      origin: null,
      series: null,
      tooShort: null,
      network: mean.scores.network,
      best: bestBaseline(mean.scores),
      theta: mean.scores.theta,
      coverage: mean.coverage,
      skipped: null,
    })
  return rows
}

/** Series-and-origin pairs left out because a held-out point was missing (a note under the table). */
export function seriesMissingAtCut(backtest: PanelBacktestResults): number {
  return backtest.origins.reduce((sum, origin) => sum + origin.missingAtCut, 0)
}
