import type {
  PanelBacktestMethod,
  PanelBacktestResults,
  PanelMethodScore,
} from '../../api/requests/panel-results'
import { BACKTEST_METHODS, type PanelBacktest } from '../../../worker/panel/panel-backtest'

/**
 * A panel's backtest as the API, the results file and the command line's summary give it: the
 * scores of each origin and their mean, NaN (a MASE no series could scale, an OWA with nothing to
 * be relative to) as null, since JSON has no NaN.
 */

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)

function methodScores(
  scores: Record<PanelBacktestMethod, { smape: number; mase: number; owa: number }>,
): Record<PanelBacktestMethod, PanelMethodScore> {
  return Object.fromEntries(
    BACKTEST_METHODS.map((method) => {
      const { smape, mase, owa } = scores[method]
      return [method, { smape, mase: finiteOrNull(mase), owa: finiteOrNull(owa) }]
    }),
  ) as Record<PanelBacktestMethod, PanelMethodScore>
}

export function panelBacktestView(backtest: PanelBacktest): PanelBacktestResults {
  return {
    horizon: backtest.horizon,
    origins: backtest.origins.map((origin) => ({
      origin: origin.origin,
      cutFromEnd: origin.cutFromEnd,
      series: origin.series,
      tooShort: origin.tooShort,
      missingAtCut: origin.missingAtCut,
      combination: origin.combination,
      scores: origin.scores ? methodScores(origin.scores) : null,
      coverage: origin.coverage ?? null,
      skipped: origin.skipped,
      note: origin.note,
    })),
    mean: backtest.mean
      ? {
          origins: backtest.mean.origins,
          scores: methodScores(backtest.mean.scores),
          coverage: backtest.mean.coverage,
        }
      : null,
  }
}
