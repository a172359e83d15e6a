import { describe, expect, it } from 'vitest'
import type { PanelBacktestResults, PanelMethodScore } from '../../../electron/api/requests/panel'
import {
  backtestRows,
  bestBaseline,
  seriesMissingAtCut,
} from '../../../renderer/src/screens/panel/backtest-table'
import { networkName } from '../../../renderer/src/screens/train/network-name'

const score = (owa: number | null, smape = 10): PanelMethodScore => ({ smape, mase: 1, owa })
/** OWA per method; naive and ETS without one unless given. */
const scores = (
  network: number,
  naive2: number | null,
  seasonalNaive: number | null,
  theta: number | null,
  ets: number | null = null,
) => ({
  network: score(network),
  naive: score(null),
  seasonalNaive: score(seasonalNaive),
  naive2: score(naive2),
  ets: score(ets),
  theta: score(theta),
})

const backtest: PanelBacktestResults = {
  horizon: 4,
  origins: [
    {
      origin: 1,
      cutFromEnd: 8,
      series: 11,
      tooShort: 1,
      missingAtCut: 0,
      combination: { network: 0.5, ets: 0.25, theta: 0.25 },
      scores: scores(0.8, 1, 0.95, 0.9),
      coverage: { 80: 0.75, 95: null },
      skipped: null,
      note: null,
    },
    {
      origin: 2,
      cutFromEnd: 12,
      series: 0,
      tooShort: 10,
      missingAtCut: 2,
      combination: null,
      scores: null,
      coverage: null,
      skipped: 'untrainable',
      note: 'origin 2: no series has 12 points before the cut to train on',
    },
  ],
  mean: { origins: 1, scores: scores(0.8, 1, 0.95, 0.9), coverage: { 80: 0.75, 95: null } },
}

describe('the Panel screen’s backtest table', () => {
  it('has a row per origin, then the mean over the scored origins', () => {
    const rows = backtestRows(backtest)
    expect(rows.map((row) => row.origin)).toEqual([1, 2, null])
    expect(rows[0]).toMatchObject({ series: 11, tooShort: 1, skipped: null, best: { name: 'theta' } })
    expect(rows[0]!.network!.owa).toBe(0.8)
    expect(rows[1]).toMatchObject({ skipped: 'untrainable', network: null, best: null })
    expect(rows[2]).toMatchObject({ origin: null, series: null, best: { name: 'theta' } })
    expect(rows.map((row) => row.coverage?.[80] ?? null)).toEqual([0.75, null, 0.75])
    expect(backtestRows({ ...backtest, mean: null }).map((row) => row.origin)).toEqual([1, 2])
  })

  it('picks the baseline with the lowest OWA, never one without an OWA', () => {
    expect(bestBaseline(scores(1, 1, 0.7, 0.9)).name).toBe('seasonalNaive')
    expect(bestBaseline(scores(1, 1, null, null)).name).toBe('naive2')
    expect(bestBaseline(scores(1, 1, 0.7, 0.9, 0.6)).name).toBe('ets')
  })

  it('counts the series left out for a missing value at a cut', () => {
    expect(seriesMissingAtCut(backtest)).toBe(2)
  })

  it('names a backtest origin’s networks on the Train screen', () => {
    const t = (key: string, values?: Record<string, unknown>) =>
      `${key}${values ? JSON.stringify(values) : ''}`
    expect(networkName({ stage: 'backtest', origin: 2, origins: 3, member: 1, members: 2 }, t)).toBe(
      'train.network.plain · train.network.backtestOrigin{"origin":2,"origins":3} · train.network.member{"member":1,"members":2}',
    )
  })
})
