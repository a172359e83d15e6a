import type { CovariateInfo } from '../../../api/records'
import type { PanelSeries } from '../../../../worker/panel/types'
import { valueRows } from './panel-shape'
import type { GriddedSeries } from './series-grid'

/**
 * A long panel with covariates may give rows after a series' last value: their target is empty and
 * their covariates are the plans ahead (future-features.ts). The values and timestamps stop at the
 * last value; each covariate keeps every row, so it runs past them by the series' future rows.
 */
export function withFutureRows(
  gridded: GriddedSeries,
  covariateNames: readonly string[],
): Pick<PanelSeries, 'values' | 'timestamps' | 'covariates'> {
  if (covariateNames.length === 0) return { values: gridded.values, timestamps: gridded.timestamps }
  const end = valueRows(gridded.values)
  return {
    values: gridded.values.slice(0, end),
    timestamps: gridded.timestamps.slice(0, end),
    covariates: Object.fromEntries(covariateNames.map((name, c) => [name, gridded.others[c]])),
  }
}

/** Each covariate with the steps it is given after every series' last value (the fewest over the series that have values). */
export function covariateInfo(series: readonly PanelSeries[], names: readonly string[]): CovariateInfo[] {
  return names.map((name) => {
    let ahead = Infinity
    for (const s of series) {
      const column = s.covariates?.[name]
      if (!column || s.values.length === 0) continue
      let steps = 0
      while (s.values.length + steps < column.length && Number.isFinite(column[s.values.length + steps]))
        steps++
      ahead = Math.min(ahead, steps)
    }
    return { name, ahead: Number.isFinite(ahead) ? ahead : 0 }
  })
}
