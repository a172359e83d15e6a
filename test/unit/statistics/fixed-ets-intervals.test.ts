import { describe, expect, it } from 'vitest'
import { fitEtsModel, forecastEts, type EtsSpec } from '../../../worker/statistics/index'
import { fixEts } from '../../../worker/statistics/ets/fixed-ets'
import { fixedEtsIntervals } from '../../../worker/statistics/ets/fixed-ets-intervals'
import { seasonalSeries } from '../pipeline/helpers'

const values = seasonalSeries(96, 5)
const train = values.slice(0, 72)
const levels = [80, 95]

/** One model of each of forecast.ets's three interval classes. */
const specs: Array<[string, EtsSpec]> = [
  ['class 1 (additive error)', { error: 'A', trend: 'A', season: 'A' }],
  ['class 2 (multiplicative error, additive components)', { error: 'M', trend: 'Ad', season: 'N' }],
  ['class 3 (multiplicative season, simulated)', { error: 'M', trend: 'N', season: 'M' }],
]

describe("a fixed ETS model's own intervals after any history", () => {
  it.each(specs)('%s: at the end of its training data, are exactly those of the fitted model', (_, spec) => {
    const fit = fitEtsModel(train, spec, 12)
    const here = fixedEtsIntervals(fixEts(fit), train, 12, levels)!
    const reference = forecastEts(fit, 12, levels)
    here.mean.forEach((value, k) => expect(value).toBeCloseTo(reference.mean[k]!, 9))
    reference.intervals.forEach((band, i) => {
      band.lower.forEach((value, k) => expect(here.intervals[i]!.lower[k]).toBeCloseTo(value, 9))
      band.upper.forEach((value, k) => expect(here.intervals[i]!.upper[k]).toBeCloseTo(value, 9))
    })
  })

  it('widen when the data after the training part surprise the model (their errors count)', () => {
    const fixed = fixEts(fitEtsModel(train, { error: 'A', trend: 'N', season: 'A' }, 12))
    const calm = values.slice(0, 84)
    const shaken = calm.map((value, t) => (t >= 72 ? value + (t % 2 === 0 ? 12 : -12) : value))
    const width = (history: number[]) => {
      const band = fixedEtsIntervals(fixed, history, 6, levels)!.intervals[0]!
      return band.upper[0]! - band.lower[0]!
    }
    expect(width(shaken)).toBeGreaterThan(1.5 * width(calm))
  })

  it('are null when the history is too short to estimate the error variance', () => {
    const fixed = fixEts(fitEtsModel(train, { error: 'A', trend: 'N', season: 'A' }, 12))
    // 1 level + 11 free seasonal states + α + γ + σ²: 15 quantities need more than 15 points.
    expect(fixedEtsIntervals(fixed, train.slice(0, 15), 6, levels)).toBeNull()
    expect(fixedEtsIntervals(fixed, train.slice(0, 16), 6, levels)).not.toBeNull()
  })

  it('are null where a multiplicative error makes them overflow, rather than unbounded', () => {
    // α = 1 and relative errors near ±50 %: the variance roughly doubles with every step.
    const model = {
      spec: { error: 'M', trend: 'N', season: 'N' } as EtsSpec,
      m: 1,
      params: { alpha: 1, phi: 1 },
      initialState: [100],
    }
    const history = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 50 : 150))
    expect(fixedEtsIntervals(model, history, 10, levels)).not.toBeNull()
    expect(fixedEtsIntervals(model, history, 1100, levels)).toBeNull()
  })
})
