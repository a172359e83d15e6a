import { describe, expect, it } from 'vitest'
import {
  backtestPanel,
  cutAtOrigin,
  meanOverOrigins,
  type BacktestOrigin,
  type PanelBacktestPlan,
  type RunOrigin,
} from '../../../worker/panel/panel-backtest'
import { runPanel, type PanelRunResult } from '../../../worker/panel/panel-run'
import type { PanelConfig, PanelInput } from '../../../worker/panel/types'
import { autoPanelConfig } from '../../../worker/panel/panel-auto'
import { TrainingCancelled } from '../../../worker/training/trainer'

const H = 4
const TINY: Partial<PanelConfig> = {
  layers: [{ cell: 'lstm', units: 6, dropout: 0 }],
  windowsPerEpoch: 200,
  epochs: 3,
  patience: 3,
  batchSize: 32,
  ensemble: 1,
}

/** Seasonal series of different scales and lengths, and one far too short for any origin. */
function syntheticPanel(): PanelInput {
  const series: PanelInput['series'] = Array.from({ length: 6 }, (_, s) => {
    const length = 44 + 4 * s
    const values = Array.from(
      { length },
      (_, t) => 10 ** (s % 3) * (6 + Math.sin((2 * Math.PI * t) / 4) + 0.1 * t),
    )
    return { key: [`S${s}`], values, timestamps: Array.from({ length }, (_, t) => t * 1000) }
  })
  series.push({ key: ['short'], values: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13], timestamps: null })
  return { keyNames: ['id'], series, period: 4 }
}

function configOf(panel: PanelInput): PanelConfig {
  return autoPanelConfig(
    { horizon: H, season: 4, period: 4, lengths: panel.series.map((s) => s.values.length) },
    TINY,
  )
}

/**
 * The same panel with every point from `fromEnd` points before each series' end poisoned: huge
 * where an origin holds out (so it is still scored), missing in the test part.
 */
function poisoned(panel: PanelInput, fromEnd: number): PanelInput {
  return {
    ...panel,
    series: panel.series.map((s) => {
      const n = s.values.length
      return {
        ...s,
        values: Array.from(s.values, (v, t) => (t < n - fromEnd ? v : t >= n - H ? NaN : 1e12 * (1 + t))),
      }
    }),
  }
}

/** Trains in this thread with the given configuration, and keeps what each origin was given and forecast. */
function recordingRun(config: PanelConfig) {
  const seen: { origin: number; input: PanelInput; result: PanelRunResult }[] = []
  const run: RunOrigin = async (input, origin) => {
    const result = await runPanel(input, { horizon: H, overrides: config })
    seen.push({ origin, input, result })
    return result
  }
  return { run, seen }
}

describe('where a panel backtest cuts', () => {
  const plan: PanelBacktestPlan = { origins: 2, horizon: H, test: H }
  const panel: PanelInput = {
    keyNames: ['id'],
    period: 1,
    series: [
      {
        key: ['a'],
        values: Array.from({ length: 30 }, (_, t) => t),
        timestamps: Array.from({ length: 30 }, (_, t) => 1000 * t),
      },
      { key: ['b'], values: Array.from({ length: 10 }, (_, t) => 100 + t) },
      // Missing at 19: among origin 2's held-out points [18, 22), inside origin 1's history.
      { key: ['gap'], values: Array.from({ length: 30 }, (_, t) => (t === 19 ? NaN : t)) },
      // Missing at 21, right before origin 1's cut: its forecast would start one point early.
      { key: ['hole'], values: Array.from({ length: 30 }, (_, t) => (t === 21 ? NaN : t)) },
    ],
  }

  it('origin k holds out the h points that end k horizons before the test part', () => {
    const first = cutAtOrigin(panel, 1, plan, 3)
    expect(first.cutFromEnd).toBe(8)
    expect(first.scored).toEqual([0, 2])
    expect(Array.from(first.input.series[0]!.values)).toEqual(Array.from({ length: 22 }, (_, t) => t))
    expect(Array.from(first.input.series[0]!.timestamps!)).toEqual(
      Array.from({ length: 22 }, (_, t) => 1000 * t),
    )
    expect(Array.from(first.actual[0]!)).toEqual([22, 23, 24, 25])
    expect(first.input.series[1]!.values).toHaveLength(22)
    const second = cutAtOrigin(panel, 2, plan, 3)
    expect(second.cutFromEnd).toBe(12)
    expect(Array.from(second.input.series[0]!.values)).toEqual(Array.from({ length: 18 }, (_, t) => t))
    expect(Array.from(second.actual[0]!)).toEqual([18, 19, 20, 21])
  })

  it('counts a series too short for an origin, and one missing a point at the cut, instead of dropping them silently', () => {
    const first = cutAtOrigin(panel, 1, plan, 3)
    // b keeps 2 points before the cut, the network reads at least 3.
    expect([first.tooShort, first.missingAtCut]).toEqual([1, 1])
    const second = cutAtOrigin(panel, 2, plan, 3)
    expect([second.tooShort, second.missingAtCut]).toEqual([1, 2])
    expect(second.scored).toEqual([0])
    // With a smaller minimum input, b is long enough for origin 1.
    expect(cutAtOrigin(panel, 1, plan, 2).scored).toEqual([0, 1, 2])
  })

  it('cuts before the end when there is no test part', () => {
    const cut = cutAtOrigin(panel, 1, { ...plan, test: 0 }, 3)
    expect(cut.cutFromEnd).toBe(4)
    expect(Array.from(cut.actual[0]!)).toEqual([26, 27, 28, 29])
  })
})

describe('a rolling-origin backtest over a panel (trained in this thread)', () => {
  const panel = syntheticPanel()
  const config = configOf(panel)
  const plan: PanelBacktestPlan = { origins: 2, horizon: H, test: H }

  it('scores every origin beside the baselines, counts the short series, and averages over origins', async () => {
    const { run, seen } = recordingRun(config)
    const backtest = await backtestPanel(panel, config, plan, run)
    expect(seen.map((s) => s.origin)).toEqual([1, 2])
    expect(backtest.origins).toHaveLength(2)
    for (const origin of backtest.origins) {
      expect(origin.skipped).toBeNull()
      expect(origin.series).toBe(6)
      expect(origin.tooShort).toBe(1)
      expect(origin.scores!.network.smape).toBeGreaterThan(0)
      expect(origin.scores!.naive2.owa).toBeCloseTo(1, 12)
      expect(origin.scores!.theta.series).toBe(6)
      const { network, ets, theta } = origin.combination!
      expect(network + ets + theta).toBeCloseTo(1, 12)
      expect(origin.scores!.ets.series).toBe(6)
    }
    const [a, b] = backtest.origins
    expect(backtest.mean!.origins).toBe(2)
    expect(backtest.mean!.scores.network.owa).toBeCloseTo(
      (a!.scores!.network.owa + b!.scores!.network.owa) / 2,
      12,
    )
    expect(backtest.mean!.scores.theta.smape).toBeCloseTo(
      (a!.scores!.theta.smape + b!.scores!.theta.smape) / 2,
      12,
    )
  })

  it('never lets a point after the cut reach training: poisoning them leaves the forecasts unchanged', async () => {
    const clean = recordingRun(config)
    await backtestPanel(panel, config, plan, clean.run)
    const forecastsOf = (seen: typeof clean.seen, origin: number) =>
      seen.find((s) => s.origin === origin)!.result.forecasts.map((f) => Array.from(f))
    // Everything from origin 2's cut on (its held-out points, origin 1's, the test part) is poisoned.
    const dirty = recordingRun(config)
    await backtestPanel(poisoned(panel, 12), config, plan, dirty.run)
    const given = dirty.seen.find((s) => s.origin === 2)!.input
    for (const series of given.series)
      expect(Array.from(series.values).every((v) => Number.isFinite(v) && v < 1e6)).toBe(true)
    expect(forecastsOf(dirty.seen, 2)).toEqual(forecastsOf(clean.seen, 2))
    // Origin 1 from its own cut on.
    const dirtyOne = recordingRun(config)
    await backtestPanel(poisoned(panel, 8), config, { ...plan, origins: 1 }, dirtyOne.run)
    expect(forecastsOf(dirtyOne.seen, 1)).toEqual(forecastsOf(clean.seen, 1))
    // The poison is real: scored against the poisoned points, origin 1 is far worse.
    const scoredDirty = await backtestPanel(
      poisoned(panel, 8),
      config,
      { ...plan, origins: 1 },
      async () => dirtyOne.seen[0]!.result,
    )
    expect(scoredDirty.origins[0]!.scores!.network.smape).toBeGreaterThan(150)
  })

  it('leaves the remaining origins untrained once the run is stopped', async () => {
    const { run, seen } = recordingRun(config)
    let asked = 0
    const told: number[] = []
    const backtest = await backtestPanel(panel, config, { ...plan, origins: 3 }, run, {
      keepGoing: () => ++asked <= 1,
      onOrigin: (origin) => told.push(origin.origin),
    })
    expect(told).toEqual([1, 2, 3])
    expect(seen.map((s) => s.origin)).toEqual([1])
    expect(backtest.origins.map((o) => o.skipped)).toEqual([null, 'stopped', 'stopped'])
    expect(backtest.mean!.origins).toBe(1)
  })

  it('does not score an origin whose networks a stop left at their random start', async () => {
    const run: RunOrigin = async (input) => {
      const result = await runPanel(input, { horizon: H, overrides: config })
      return {
        ...result,
        model: { ...result.model, members: [{ ...result.model.members[0]!, skipped: true }] },
      }
    }
    const backtest = await backtestPanel(panel, config, { ...plan, origins: 1 }, run)
    expect(backtest.origins[0]!.skipped).toBe('stopped')
    expect(backtest.mean).toBeNull()
  })

  it('says why an origin cannot train instead of failing the run, and lets a cancel through', async () => {
    let calls = 0
    const mustNotTrain: RunOrigin = async () => {
      calls++
      throw new TrainingCancelled()
    }
    await expect(backtestPanel(panel, config, { ...plan, origins: 1 }, mustNotTrain)).rejects.toThrow(
      TrainingCancelled,
    )
    expect(calls).toBe(1)
    // Every series ends before a cut 64 points from its end.
    const none = await backtestPanel(panel, config, { ...plan, origins: 1, test: 60 }, mustNotTrain)
    expect(none.origins[0]).toMatchObject({ skipped: 'noSeries', tooShort: 7, series: 0 })
    // The longest series keeps 11 points: it can be forecast, but one needs 4 + 2 · 4 to train.
    expect(config.minObserved).toBe(4)
    const untrainable = await backtestPanel(panel, config, { ...plan, origins: 1, test: 49 }, mustNotTrain)
    expect(untrainable.origins[0]!.skipped).toBe('untrainable')
    expect(untrainable.origins[0]!.note).toMatch(/12 points before the cut to train on/)
    expect(untrainable.mean).toBeNull()
    expect(calls).toBe(1)
  })

  it('refuses a plan that is not whole origins, or another horizon than the model', async () => {
    const { run } = recordingRun(config)
    await expect(backtestPanel(panel, config, { ...plan, origins: 0 }, run)).rejects.toThrow(
      /whole number ≥ 1/,
    )
    await expect(backtestPanel(panel, config, { ...plan, horizon: 5 }, run)).rejects.toThrow(/differs/)
  })
})

describe('the mean over origins', () => {
  it('is over the scored origins only, and null when none was', () => {
    const skipped: BacktestOrigin = {
      origin: 2,
      cutFromEnd: 8,
      series: 0,
      tooShort: 3,
      missingAtCut: 0,
      combination: null,
      skipped: 'untrainable',
      note: 'origin 2: …',
    }
    expect(meanOverOrigins([skipped])).toBeNull()
    const score = (smape: number) => ({ smape, mase: smape / 10, owa: smape / 20, series: 3, maseSkipped: 0 })
    const scored: BacktestOrigin = {
      ...skipped,
      origin: 1,
      series: 3,
      skipped: null,
      note: null,
      scores: {
        network: score(10),
        naive: score(25),
        seasonalNaive: score(30),
        naive2: score(20),
        ets: score(11),
        theta: score(12),
      },
      coverage: { 80: 0.75, 95: null },
    }
    const mean = meanOverOrigins([
      scored,
      skipped,
      { ...scored, scores: { ...scored.scores!, network: score(20) }, coverage: { 80: 0.25, 95: null } },
    ])!
    expect(mean.origins).toBe(2)
    expect(mean.scores.network).toEqual({ smape: 15, mase: 1.5, owa: 0.75 })
    expect(mean.scores.theta.smape).toBe(12)
    expect(mean.coverage).toEqual({ 80: 0.5, 95: null })
  })
})
