import type { PanelDatasetInfo } from '../../../api/records'
import { median } from '../../../../worker/panel/panel-auto'
import type { PanelDataset } from './panel-types'

/** Missing points of one series (NaN cells and grid dates with no row). */
export function missingCount(values: ArrayLike<number>): number {
  let missing = 0
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) missing++
  return missing
}

/** The rows up to a series' last value: those after it are future rows (covariates only) or empty. */
export function valueRows(values: ArrayLike<number>): number {
  let end = values.length
  while (end > 0 && !Number.isFinite(values[end - 1])) end--
  return end
}

/** What the dataset list and the API say of a panel: its form, keys and the spread of its series' lengths. */
export function panelShape(dataset: PanelDataset): PanelDatasetInfo {
  const lengths = dataset.series.map((s) => s.values.length)
  let min = Infinity
  let max = 0
  for (const length of lengths) {
    if (length < min) min = length
    if (length > max) max = length
  }
  return {
    form: dataset.form,
    keyNames: dataset.keyNames,
    valueNames: dataset.valueNames,
    seriesCount: dataset.series.length,
    lengths: { min: lengths.length > 0 ? min : 0, median: lengths.length > 0 ? median(lengths) : 0, max },
    missing: dataset.missing,
    frequency: dataset.frequency,
    staticAttributes: dataset.staticAttributes,
    covariates: dataset.covariates,
  }
}
