import type { PanelConfig, WindowScaling } from './types'

/**
 * Auto for panels: every rule reads only the panel's shape (season, series lengths, horizon),
 * never its name, and the test part decides nothing.
 *  - lookback: two horizons, or one full season when that is longer (a year of weekly data shows
 *    the yearly pattern), but no more than the median series leaves for origins;
 *  - a training window needs at least one season (or the horizon) of observed inputs;
 *  - per-window mean scaling: it works for any sign, and the published global LSTMs on the M3 and
 *    M4 panels scored best with it;
 *  - a budget of windows per epoch that grows with the panel but keeps an epoch to seconds.
 */

export interface PanelShape {
  horizon: number
  /** The calendar's season (52 for weekly, 4 for quarterly, 1 without one). */
  season: number
  /** Points of each series' training part (after cleaning). */
  lengths: readonly number[]
}

/** Seasons longer than this (e.g. 168 hours) are not read whole: the lookback stays trainable. */
const MAX_SEASON_LOOKBACK = 60

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function autoPanelConfig(shape: PanelShape, overrides: Partial<PanelConfig> = {}): PanelConfig {
  const { horizon, season, lengths } = shape
  if (lengths.length === 0) throw new RangeError('the panel has no series')
  const seasonal = season > 1 && season <= MAX_SEASON_LOOKBACK ? season : 1
  const wanted = Math.max(2 * horizon, seasonal)
  // The median series keeps room for its validation block and at least one target after the lookback.
  const room = Math.floor(median(lengths)) - 2 * horizon
  const lookback = Math.max(2, Math.min(wanted, Math.max(horizon, room)))
  const minObserved = Math.min(lookback, Math.max(seasonal, 2))
  const scaling: WindowScaling = 'mean'
  return {
    layers: [
      { cell: 'lstm', units: 64, dropout: 0 },
      { cell: 'lstm', units: 64, dropout: 0 },
    ],
    lookback,
    horizon,
    minObserved,
    scaling,
    windowsPerEpoch: Math.min(65_536, Math.max(16_384, 64 * lengths.length)),
    epochs: 60,
    patience: 8,
    batchSize: 256,
    lr: 0.001,
    loss: 'mae',
    ensemble: 2,
    seed: 1,
    ...overrides,
  }
}
