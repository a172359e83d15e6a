import {
  panelInputSize,
  seriesFeatures,
  type PanelInputEncoding,
  type SeriesFeatures,
} from '../../../../worker/panel/panel-features'
import type { PanelNetwork } from '../../../../worker/panel/panel-forecast'
import type { PanelSeries } from '../../../../worker/panel/types'
import type { Frequency } from '../../../../worker/timeseries/frequency'
import { HORIZON, nativeNetwork, panelSource, PERIOD, type PanelCase } from './panel-fixtures'

/**
 * A panel model that reads every kind of further input — a categorical attribute with an 'other'
 * slot, a numeric one, the calendar and a covariate known ahead — with random weights, and one
 * series with its inputs twice: as the app holds them (PanelSeries → seriesFeatures) and as the
 * inputs file a user gives the exported scripts.
 */

export const INPUT_ENCODING: PanelInputEncoding = {
  static: [
    { name: 'type', kind: 'categorical', categories: ['MICRO', 'MACRO'], other: ['RARE'] },
    { name: 'size', kind: 'numeric', mean: 3, sd: 2 },
  ],
  calendar: { season: PERIOD },
  future: [{ name: 'promo', mean: 0.3, sd: 0.46 }],
}

export const INPUT_CASE: PanelCase = {
  cells: ['lstm'],
  scaling: 'mean',
  members: 2,
  deseasonalise: true,
  seed: 31,
  inputSize: panelInputSize(INPUT_ENCODING),
}

export function inputNetwork(): PanelNetwork {
  return { ...nativeNetwork(panelSource(INPUT_CASE)), inputs: INPUT_ENCODING }
}

const QUARTERLY: Frequency = { unit: 'quarter', step: 1 }

export interface SeriesWithInputs {
  values: Float64Array
  /** The inputs file's JSON for this series. */
  file: {
    attributes: Record<string, string | number | null>
    seasonPosition: number
    covariates: { promo: (number | null)[] }
  }
  /** The same inputs as the app builds them from a panel with dates (quarters from 2020 Q3). */
  features: SeriesFeatures
}

/**
 * One series with its attributes, quarterly dates starting in Q3 (season position 2, which the app
 * reads from the first date and the file states) and a promotion plan for its history and the
 * horizon ahead, empty at its second point (which reads 0, the training mean).
 */
export function seriesWithInputs(
  values: Float64Array,
  attributes: Record<string, string | number | null>,
): SeriesWithInputs {
  const promo = Array.from({ length: values.length + HORIZON }, (_, t): number | null =>
    t === 1 ? null : t % 3 === 0 ? 1 : 0,
  )
  const series: PanelSeries = {
    key: ['new'],
    values,
    timestamps: Float64Array.from(values, (_, t) => Date.UTC(2020, 6 + 3 * t, 1)),
    attributes,
    covariates: { promo: Float64Array.from(promo, (v) => v ?? NaN) },
  }
  return {
    values,
    file: { attributes, seasonPosition: 2, covariates: { promo } },
    features: seriesFeatures(INPUT_ENCODING, [series], [0], QUARTERLY),
  }
}
