import { describe, expect, it } from 'vitest'
import { autoEts, forecastEts } from '../../../worker/statistics/ets/auto-ets'
import { etsFilter, etsPointForecast } from '../../../worker/statistics/ets/filter'
import { fitEtsModel } from '../../../worker/statistics/ets/fit-model'
import { classicalSeasonalFigure, completeState } from '../../../worker/statistics/ets/initial-state'
import { maxRootModulus } from '../../../worker/statistics/ets/polynomial-roots'
import { candidateSpecs } from '../../../worker/statistics/ets/spec'
import { evaluateForecast } from '../../../worker/statistics/metrics'
import { nelderMead } from '../../../worker/statistics/optim/nelder-mead'
import { readBaselines, readSeries } from './read-samples'

describe('ETS building blocks', () => {
  it('filters simple exponential smoothing by hand', () => {
    const spec = { error: 'A', trend: 'N', season: 'N' } as const
    const run = etsFilter([2, 4], spec, 1, { alpha: 0.5, phi: 1 }, [1])
    // f1 = 1, e1 = 1, l1 = 1.5; f2 = 1.5, e2 = 2.5, l2 = 2.75
    expect(Array.from(run.fitted)).toEqual([1, 1.5])
    expect(Array.from(run.innovations)).toEqual([1, 2.5])
    expect(run.finalState[0]).toBe(2.75)
    expect(run.lik).toBeCloseTo(2 * Math.log(1 + 6.25), 14)
  })
  it('forecasts a damped trend with cumulative damping', () => {
    const spec = { error: 'A', trend: 'Ad', season: 'N' } as const
    const f = etsPointForecast([10, 2], spec, 1, 0.5, 3)
    expect(Array.from(f)).toEqual([11, 11.5, 11.75])
  })
  it('cycles the seasonal states in forecasts', () => {
    const spec = { error: 'A', trend: 'N', season: 'A' } as const
    // state [l, s_1, s_2, s_3]: s_3 applies to the next observation
    expect(Array.from(etsPointForecast([10, 1, 2, 3], spec, 3, 1, 4))).toEqual([13, 12, 11, 13])
  })
  it('normalises the implied last seasonal state', () => {
    expect(Array.from(completeState([5, 1, 2], { error: 'A', trend: 'N', season: 'A' }, 3))).toEqual([
      5, 1, 2, -3,
    ])
    expect(Array.from(completeState([5, 0, 1.5, 1], { error: 'M', trend: 'A', season: 'M' }, 3))).toEqual([
      5, 0, 1.5, 1, 0.5,
    ])
  })
  it('decomposes a pure seasonal pattern exactly', () => {
    const x = [1, 2, 3, 1, 2, 3, 1, 2, 3].map((v, t) => v + t * 0.5)
    const figure = classicalSeasonalFigure(x, 3, false)
    expect(figure[0]).toBeCloseTo(-1, 12)
    expect(figure[1]).toBeCloseTo(0, 12)
    expect(figure[2]).toBeCloseTo(1, 12)
  })
  it('finds the largest root modulus', () => {
    // (z² + 1.5z − 1)(z² + 1) = z⁴ + 1.5z³ + 0z² + 1.5z − 1: roots 0.5, −2, ±i
    expect(maxRootModulus([-1, 1.5, 0, 1.5, 1])).toBeCloseTo(2, 10)
    expect(maxRootModulus([0.25, -1, 1])).toBeCloseTo(0.5, 6)
  })
  it('Nelder–Mead retraces R optim() on the Rosenbrock example', () => {
    // R: optim(c(-1.2, 1), fr) → par 1.000260 1.000506, value 8.825241e-08, 195 function calls
    const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], {
      maxEvaluations: 500,
    })
    expect(r.x[0]).toBeCloseTo(1.00026, 5)
    expect(r.x[1]).toBeCloseTo(1.000506, 5)
    expect(r.value).toBeCloseTo(8.825241e-8, 12)
    expect(r.evaluations).toBe(195)
    expect(r.converged).toBe(true)
  })
  it('restricts the candidate set like R', () => {
    expect(candidateSpecs({ positive: true, seasonal: true })).toHaveLength(15)
    expect(candidateSpecs({ positive: false, seasonal: true })).toHaveLength(6)
    expect(candidateSpecs({ positive: true, seasonal: false })).toHaveLength(6)
  })
  it("fits constant data as R's ets() does: SES at α = 0.99999 from the first value, zero-width bands", () => {
    const result = autoEts(Array(30).fill(5), 12)
    expect(result.best.name).toBe('ETS(A,N,N)')
    expect(result.best.params.alpha).toBe(0.99999)
    expect(result.best.sigma2).toBe(0)
    expect(result.notes).toEqual([
      "All 30 values are equal: simple exponential smoothing of the constant, as R's ets() does.",
    ])
    const forecast = forecastEts(result.best, 3)
    expect(Array.from(forecast.mean)).toEqual([5, 5, 5])
    for (const band of forecast.intervals) expect(Array.from(band.upper)).toEqual([5, 5, 5])
  })

  it('names why each candidate failed when none can be fitted', () => {
    expect(() => autoEts([1, 2, 3, 4, 5, 7], 1)).toThrow(
      /no candidate model could be fitted \(ETS\(A,N,N\) needs more than 6 observations, got 6; /,
    )
  })

  it('recovers the smoothing parameter of simulated SES data', () => {
    let level = 100
    let seed = 7
    const noise = () => {
      seed = (seed * 16807) % 2147483647
      return (seed / 2147483647 - 0.5) * 2
    }
    const y: number[] = []
    for (let t = 0; t < 300; t++) {
      const e = noise()
      y.push(level + e)
      level += 0.3 * e
    }
    const fit = fitEtsModel(y, { error: 'A', trend: 'N', season: 'N' }, 1)
    expect(fit.params.alpha).toBeGreaterThan(0.15)
    expect(fit.params.alpha).toBeLessThan(0.45)
  })
})

describe('automatic ETS against R forecast 8.20 (protocol split)', () => {
  const rows = readBaselines().filter((r) => r.method === 'ets')
  const results = rows.map((r) => {
    const y = readSeries(r.series).values
    const train = y.slice(0, r.nTrain)
    const auto = autoEts(train, r.frequency)
    const f = forecastEts(auto.best, r.h)
    const m = evaluateForecast({
      actual: y.slice(r.nTrain),
      forecast: f.mean,
      train,
      m: r.frequency,
      intervals: f.intervals,
    })
    return { row: r, name: auto.best.name, mase: m.mase!, notes: auto.notes, ratio: m.mase! / r.mase }
  })

  it('picks R’s model where the AICc is not a near tie', () => {
    const picked = Object.fromEntries(results.map((r) => [r.row.series, r.name]))
    expect(picked.Nile).toBe('ETS(M,N,N)')
    expect(picked.taylor).toBe('ETS(A,Ad,N)')
    expect(picked.wineind).toBe('ETS(M,Ad,M)')
    expect(picked.AirPassengers).toBe('ETS(M,Ad,M)')
  })
  it('ignores seasonality above m = 24 with a note, as R does', () => {
    const taylor = results.find((r) => r.row.series === 'taylor')!
    expect(taylor.notes.join(' ')).toMatch(/seasonality ignored/)
  })
  it('lands within 15% of R’s MASE on most series and within 25% on all', () => {
    const close = results.filter((r) => Math.abs(r.ratio - 1) <= 0.15)
    expect(close.length).toBeGreaterThanOrEqual(4)
    for (const r of results) expect(Math.abs(r.ratio - 1), r.row.series).toBeLessThanOrEqual(0.25)
  })
  it('gives intervals that widen with the horizon', () => {
    const y = readSeries('Nile').values.slice(0, 90)
    const f = forecastEts(autoEts(y, 1).best, 10)
    const width = (k: number) => f.intervals[1].upper[k] - f.intervals[1].lower[k]
    expect(width(9)).toBeGreaterThan(width(0))
    expect(f.intervals[0].upper[0] - f.intervals[0].lower[0]).toBeLessThan(width(0))
  })
})
