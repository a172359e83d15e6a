import { mae, maseScale, smape } from './metrics'

/**
 * The M competitions' panel measures: sMAPE and MASE per series (the definitions of metrics.ts,
 * which are M4's), averaged over the series of a panel, and OWA, the mean of the two averages
 * each relative to Naive2's on the same panel (M4: OWA < 1 beats Naive2).
 */

export interface SeriesAccuracy {
  smape: number
  /** Null when the training part is constant (the MASE scale is 0); counted, not averaged. */
  mase: number | null
}

export interface PanelAccuracy {
  smape: number
  mase: number
  /** Series that entered the averages. */
  series: number
  /** Series without a MASE (constant training part): in the sMAPE average only. */
  maseSkipped: number
}

/**
 * One series' sMAPE and MASE. The MASE scale uses lag m, or lag 1 when the training part is not
 * longer than m, as the M4 scoring code does, so that very short series are still scored.
 */
export function seriesAccuracy(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  train: ArrayLike<number>,
  m: number,
): SeriesAccuracy {
  const lag = train.length > m ? m : 1
  const scale = maseScale(train, lag)
  return { smape: smape(actual, forecast), mase: scale > 0 ? mae(actual, forecast) / scale : null }
}

export function panelAccuracy(scores: readonly SeriesAccuracy[]): PanelAccuracy {
  if (scores.length === 0) throw new RangeError('panelAccuracy: the panel has no scored series')
  let smapeSum = 0
  let maseSum = 0
  let maseCount = 0
  for (const s of scores) {
    smapeSum += s.smape
    if (s.mase !== null) {
      maseSum += s.mase
      maseCount++
    }
  }
  return {
    smape: smapeSum / scores.length,
    mase: maseCount > 0 ? maseSum / maseCount : NaN,
    series: scores.length,
    maseSkipped: scores.length - maseCount,
  }
}

/** OWA = ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2). */
export function overallWeightedAverage(
  method: Pick<PanelAccuracy, 'smape' | 'mase'>,
  naive2: Pick<PanelAccuracy, 'smape' | 'mase'>,
): number {
  if (!(naive2.smape > 0) || !(naive2.mase > 0))
    throw new RangeError(
      `OWA: Naive2's sMAPE and MASE must be positive (got ${naive2.smape}, ${naive2.mase})`,
    )
  return 0.5 * (method.smape / naive2.smape + method.mase / naive2.mase)
}
