import { describe, expect, it } from 'vitest'
import {
  trainPanelModel,
  type RunPanelOnce,
  type RunStage,
} from '../../../electron/services/runs/panel-training'
import { runPanel } from '../../../worker/panel/panel-run'
import type { PanelConfig, PanelInput } from '../../../worker/panel/types'

const TINY: Partial<PanelConfig> = {
  layers: [{ cell: 'lstm', units: 6, dropout: 0 }],
  windowsPerEpoch: 200,
  epochs: 2,
  ensemble: 1,
}

function panel(): PanelInput {
  const series = Array.from({ length: 5 }, (_, s) => ({
    key: [`S${s}`],
    values: Array.from({ length: 40 + 3 * s }, (_, t) => 10 + s + Math.sin(t / 2) + 0.2 * t),
  }))
  return { keyNames: ['id'], series, period: 1 }
}

const META = { keyNames: ['id'], target: 'value', frequency: null }

/** Runs in this thread and keeps, per run, how it was named, what it was told and how long its series were. */
function recorder() {
  const calls: {
    stage: RunStage | undefined
    overrides: Partial<PanelConfig>
    lengths: number[]
    config: PanelConfig
  }[] = []
  const runOnce: RunPanelOnce = async (input, run, stage) => {
    const result = await runPanel(input, run)
    calls.push({
      stage,
      overrides: run.overrides ?? {},
      lengths: input.series.map((s) => s.values.length),
      config: result.config,
    })
    return result
  }
  return { calls, runOnce }
}

describe('a panel training with backtests', () => {
  it('judges, backtests with the configuration Auto chose for the test part, then fits on every point', async () => {
    const { calls, runOnce } = recorder()
    const training = await trainPanelModel(
      panel(),
      META,
      { horizon: 4, test: 4, overrides: TINY, backtestOrigins: 2 },
      runOnce,
    )
    expect(calls.map((c) => c.stage)).toEqual([
      { stage: 'train', origins: 2 },
      { stage: 'backtest', origin: 1, origins: 2 },
      { stage: 'backtest', origin: 2, origins: 2 },
      { stage: 'final' },
    ])
    const judged = calls[0]!.config
    // Auto is not asked again: each origin is told the whole configuration of the test part.
    expect(calls[1]!.overrides).toEqual(judged)
    expect(calls[2]!.config).toEqual(judged)
    expect(calls[0]!.lengths).toEqual([36, 39, 42, 45, 48])
    expect(calls[1]!.lengths).toEqual([32, 35, 38, 41, 44])
    expect(calls[2]!.lengths).toEqual([28, 31, 34, 37, 40])
    expect(training.backtest?.origins.map((o) => o.series)).toEqual([5, 5])
    const summary = training.summary as { backtest: { mean: { origins: number } } }
    expect(summary.backtest.mean.origins).toBe(2)
  })

  it('without a test part, backtests after the final fit with its configuration, cutting from the end', async () => {
    const { calls, runOnce } = recorder()
    const training = await trainPanelModel(
      panel(),
      META,
      { horizon: 4, test: 0, overrides: TINY, backtestOrigins: 1 },
      runOnce,
    )
    expect(calls.map((c) => c.stage?.stage)).toEqual(['final', 'backtest'])
    expect(calls[1]!.overrides).toEqual(calls[0]!.config)
    expect(calls[1]!.lengths).toEqual([36, 39, 42, 45, 48])
    expect(training.judged).toBeNull()
    expect(training.backtest?.origins[0]?.cutFromEnd).toBe(4)
  })

  it('trains no backtest unless asked', async () => {
    const { calls, runOnce } = recorder()
    const training = await trainPanelModel(panel(), META, { horizon: 4, test: 4, overrides: TINY }, runOnce)
    expect(calls).toHaveLength(2)
    expect(training.backtest).toBeNull()
    expect(training.summary.backtest).toBeNull()
  })
})
