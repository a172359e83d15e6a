import { chronologicalSplit, ETS_MIN_POINTS, protocolHorizon } from '../statistics/index'
import { defaultConfig } from './config'
import { earlierFolds } from './folds'
import { stepsPerCall } from './network-shape'
import { firstOrigin } from './inputs'
import { periodOf } from './prepare'
import { seriesLength } from './targets'
import type { PipelineConfig, SeriesInput, TargetMode } from './types'

/**
 * Auto's rules: every setting read from the series' length, seasonal period and horizon, never
 * from its name. Short series are the everyday case for monthly business data, so the rules
 * shrink the network's demands until it can train rather than refuse.
 */

export interface AutoRuleOptions {
  /** Forecast horizon; default the protocol's (10 annual, 2m for m ≤ 24, m above). */
  horizon?: number
  /** Held-out test points; default the horizon. 0 = use all data for training and validation. */
  test?: number
  seed?: number
  /** Overrides applied on top of the chosen rules (the CLI's --config). */
  overrides?: Partial<PipelineConfig>
}

/** Windows Auto aims for per epoch: enough to learn from, few enough to train in seconds. */
const TARGET_WINDOWS = 300
/**
 * Fewer direct windows than this and the network learns from too few examples of its whole
 * horizon; it forecasts one step and rolls out instead (each point is then a window).
 */
const MIN_DIRECT_WINDOWS = 12

function isPositive(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) return false
  return true
}

function wantedLookback(m: number): number {
  return m <= 1 ? 12 : m <= 24 ? 2 * m : Math.min(m, 48)
}

/** Windows a training part leaves for a lookback, the steps each window predicts and the mode. */
function windowsOf(trainLength: number, lookback: number, steps: number, mode: TargetMode, m: number) {
  return trainLength - firstOrigin(lookback, mode, m) - steps + 1
}

/**
 * Direct multi-step windows while the training part affords them (the lookback leaving at least
 * half of it for window origins); otherwise one-step windows rolled out over the horizon, with a
 * lookback of at most a third of the training part.
 */
function shapeFor(trainLength: number, horizon: number, mode: TargetMode, m: number) {
  const wanted = wantedLookback(m)
  const direct = Math.max(2, Math.min(wanted, Math.floor((trainLength - horizon) / 2)))
  const directWindows = windowsOf(trainLength, direct, horizon, mode, m)
  if (directWindows >= MIN_DIRECT_WINDOWS)
    return { strategy: 'direct' as const, lookback: direct, windows: directWindows }
  const lookback = Math.max(2, Math.min(wanted, Math.floor(trainLength / 3)))
  return {
    strategy: 'recursive' as const,
    lookback,
    windows: Math.max(1, windowsOf(trainLength, lookback, 1, mode, m)),
  }
}

/** The configuration Auto uses for one target mode. */
export function autoConfig(
  series: SeriesInput,
  mode: TargetMode,
  options: AutoRuleOptions = {},
): PipelineConfig {
  const n = seriesLength(series)
  const m = periodOf(series)
  const horizon = options.horizon ?? protocolHorizon(m)
  const test = options.test ?? horizon
  const validation = Math.min(horizon, Math.max(1, Math.floor((n - test) / 5)))
  const trainLength = n - test - validation
  const shape = shapeFor(trainLength, horizon, mode, m)
  const stride = Math.max(1, Math.ceil(shape.windows / TARGET_WINDOWS))
  const large = shape.windows / stride > 200
  const short = shape.strategy === 'recursive'
  return defaultConfig({
    // Small data: one small layer and a robust loss generalise better than depth here.
    layers: [{ cell: 'lstm', units: large ? 32 : short ? 8 : 16, dropout: 0 }],
    lookback: shape.lookback,
    horizon,
    stride,
    strategy: shape.strategy,
    // Positive series usually vary in proportion to their level; on the log scale a seasonal
    // residual becomes a growth rate, which stays comparable across years.
    transforms: {
      scaling: 'zscore',
      log: series.targets.every((target) => isPositive(target.values)) ? 'log' : 'none',
      difference: 'none',
    },
    targetMode: mode,
    split: { validation: { count: validation }, test: { count: test } },
    optimizer: { name: 'adam', lr: 0.002 },
    loss: 'huber',
    batchSize: large ? 32 : short ? 8 : 16,
    epochs: large ? 40 : 150,
    // Ten epochs without a better validation score end a member. With twenty, members of short
    // series trained on to late epochs that fitted the validation part and forecast worse: on the
    // public series (seeds 1/7/42) mean MASE 1.026/1.048/1.046 → 0.986/0.990/0.979 (AirPassengers
    // 0.74–0.88 → 0.48–0.51), and on 20 held-out M3 quarterly series 1.061/1.041/1.052 →
    // 1.057/1.039/1.050.
    patience: 10,
    clipNorm: 1,
    seed: options.seed ?? 7,
    // Averaging independently seeded networks removes much of the seed-to-seed variance that
    // early stopping on a short validation part otherwise passes on to the forecast.
    ensemble: large ? 3 : 10,
    // Rolling origins a horizon apart need as many horizons of data (and two points before them).
    backtest: { origins: Math.min(3, Math.floor((n - 2) / horizon)), refit: false },
    ...options.overrides,
  })
}

/** Fewer training windows than this and no network is trained: too little to learn or to stop early on. */
const MIN_NETWORK_WINDOWS = 6

/**
 * Why no network can be trained on the series under Auto's rules, or null when one can. It
 * reads the series' length, period and horizon only, with the usual holdout of a horizon: the
 * same series gets the same kind of forecast whatever test part a person holds out.
 */
export function whyNoNetwork(series: SeriesInput, options: AutoRuleOptions = {}): string | null {
  const config = autoConfig(series, 'level', { ...options, test: undefined })
  const n = seriesLength(series)
  const held = config.split.test
  const test = 'count' in held ? held.count : 0
  const validation = 'count' in config.split.validation ? config.split.validation.count : 0
  const trainLength = n - test - validation
  const windows = windowsOf(trainLength, config.lookback, 1, 'level', periodOf(series))
  if (windows >= MIN_NETWORK_WINDOWS) return null
  return (
    `${n} points are too few for a network with a ${config.horizon}-step horizon: after a ${test}-point test ` +
    `and a ${validation}-point validation part they leave ${Math.max(0, windows)} training windows, ` +
    `and a network needs ${MIN_NETWORK_WINDOWS}`
  )
}

const CANDIDATE_NAMES: Record<TargetMode, string> = {
  level: 'levels',
  seasonalResidual: 'seasonal-residual',
  etsResidual: 'ETS-residual',
}

/**
 * Why Auto cannot try candidate `mode` on the series, or null when it can. Each candidate trains
 * on every validation fold's own training part, and on a short series the earliest fold's part can
 * be too short for it while other candidates still fit: a seasonal-residual window reads a season
 * before its lookback, and the ETS-residual network corrects an ETS model fitted on that part.
 */
export function whyNotTried(
  series: SeriesInput,
  mode: TargetMode,
  options: AutoRuleOptions = {},
): string | null {
  const config = autoConfig(series, mode, options)
  const n = seriesLength(series)
  const m = periodOf(series)
  const folds = [config, ...earlierFolds(config, n, m)]
  const shortest = Math.min(...folds.map((fold) => chronologicalSplit(n, fold.split).train.end))
  const start = `The ${CANDIDATE_NAMES[mode]} candidate was not tried: its earliest validation fold leaves ${shortest} training points`
  if (windowsOf(shortest, config.lookback, stepsPerCall(config), mode, m) < 1)
    return `${start}, too few for one training window.`
  if (mode === 'etsResidual' && shortest < ETS_MIN_POINTS) return `${start}, and ETS needs ${ETS_MIN_POINTS}.`
  return null
}
