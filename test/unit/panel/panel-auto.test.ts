import { describe, expect, it } from 'vitest'
import { autoPanelConfig } from '../../../worker/panel/panel-auto'

describe('Auto for panels', () => {
  it('reads two horizons for quarterly data and a whole year for weekly data', () => {
    const quarterly = autoPanelConfig({ horizon: 8, season: 4, lengths: [16, 44, 64] })
    expect(quarterly).toMatchObject({ lookback: 16, minObserved: 4, scaling: 'mean' })
    const weekly = autoPanelConfig({ horizon: 13, season: 52, lengths: [80, 934, 2597] })
    expect(weekly).toMatchObject({ lookback: 52, minObserved: 52 })
  })
  it('shortens the lookback for panels of short series and ignores very long seasons', () => {
    expect(autoPanelConfig({ horizon: 6, season: 12, lengths: [20, 30, 40] }).lookback).toBe(12)
    expect(autoPanelConfig({ horizon: 6, season: 12, lengths: [20, 25, 40] }).lookback).toBe(12)
    expect(autoPanelConfig({ horizon: 8, season: 12, lengths: [20, 25, 40] }).lookback).toBe(9)
    expect(autoPanelConfig({ horizon: 6, season: 12, lengths: [14, 15, 16] }).lookback).toBe(6)
    expect(autoPanelConfig({ horizon: 24, season: 168, lengths: [2000] }).lookback).toBe(48)
  })
  it('grows the windows per epoch with the panel, within bounds, and takes overrides', () => {
    expect(autoPanelConfig({ horizon: 8, season: 4, lengths: [40] }).windowsPerEpoch).toBe(16_384)
    expect(autoPanelConfig({ horizon: 8, season: 4, lengths: Array(10_000).fill(40) }).windowsPerEpoch).toBe(
      65_536,
    )
    expect(autoPanelConfig({ horizon: 8, season: 4, lengths: [40] }, { ensemble: 5 }).ensemble).toBe(5)
  })
  it('gives as many epochs as its work budget allows, fewer for longer windows or bigger networks', () => {
    const short = autoPanelConfig({ horizon: 8, season: 4, lengths: Array(700).fill(44) })
    const weekly = autoPanelConfig({ horizon: 13, season: 52, lengths: Array(359).fill(900) })
    expect(weekly.epochs).toBeLessThan(short.epochs)
    expect(weekly.epochs).toBeGreaterThanOrEqual(10)
    expect(short.epochs).toBeLessThanOrEqual(60)
    const big = autoPanelConfig(
      { horizon: 13, season: 52, lengths: Array(100).fill(300) },
      { layers: [{ cell: 'lstm', units: 256, dropout: 0 }] },
    )
    const small = autoPanelConfig(
      { horizon: 13, season: 52, lengths: Array(100).fill(300) },
      { layers: [{ cell: 'lstm', units: 64, dropout: 0 }] },
    )
    expect(big.epochs).toBeLessThan(small.epochs)
    expect(autoPanelConfig({ horizon: 8, season: 4, lengths: [44] }, { epochs: 3 }).epochs).toBe(3)
  })
  it('adjusts seasonal panels, and gives panels of cheap epochs more members', () => {
    const quarterly = autoPanelConfig({ horizon: 8, season: 4, period: 4, lengths: Array(700).fill(44) })
    expect(quarterly.deseasonalise).toBe(true)
    expect(autoPanelConfig({ horizon: 13, season: 52, period: 1, lengths: [900] }).deseasonalise).toBe(false)
    const weekly = autoPanelConfig({ horizon: 13, season: 52, period: 1, lengths: Array(359).fill(900) })
    expect(quarterly.ensemble).toBeGreaterThan(weekly.ensemble)
    expect(weekly.ensemble).toBe(2)
    expect(autoPanelConfig({ horizon: 2, season: 1, lengths: [10, 12] }).ensemble).toBe(5)
  })
  it('trains a small panel that reads covariates known ahead on batches of 32, and nothing else', () => {
    const stores = { horizon: 4, season: 12, lengths: Array(8).fill(36) }
    const promo = { futureInputs: ['promo'] }
    expect(autoPanelConfig(stores, promo)).toMatchObject({ batchSize: 32, windowsPerEpoch: 2048 })
    // Without covariates, or with a panel of many windows (M3 quarterly's shape), the default stands.
    expect(autoPanelConfig(stores)).toMatchObject({ batchSize: 256, windowsPerEpoch: 16_384 })
    const m3 = { horizon: 8, season: 4, lengths: Array(756).fill(44) }
    expect(autoPanelConfig(m3, promo)).toMatchObject({ batchSize: 256, windowsPerEpoch: 48_384 })
    expect(autoPanelConfig(stores, { ...promo, batchSize: 64 }).batchSize).toBe(64)
  })
  it('refuses an empty panel', () => {
    expect(() => autoPanelConfig({ horizon: 8, season: 4, lengths: [] })).toThrow(/no series/)
  })
})
