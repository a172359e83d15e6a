import { describe, expect, it } from 'vitest'
import { autoEts, forecastEts } from '../../../worker/statistics/index'
import {
  checkFixedTheta,
  fitFixedTheta,
  fixedThetaForecast,
} from '../../../worker/statistics/baselines/fixed-theta'
import { checkFixedEts, fixEts, fixedEtsForecast } from '../../../worker/statistics/ets/fixed-ets'
import { seasonalSeries } from '../pipeline/helpers'

describe('an ETS model fitted once forecasts from any later origin', () => {
  const values = seasonalSeries(96, 5)
  const train = values.slice(0, 72)
  const fit = autoEts(train, 12).best
  const fixed = fixEts(fit)

  it('at the end of its training data, forecasts exactly what the fitted model does', () => {
    const here = fixedEtsForecast(fixed, train, 12)
    const reference = forecastEts(fit, 12).mean
    here.forEach((value, k) => expect(value).toBeCloseTo(reference[k]!, 9))
  })

  it('later, runs its recursions through the new observations without refitting', () => {
    const later = fixedEtsForecast(fixed, values.slice(0, 84), 6)
    const atTrainEnd = fixedEtsForecast(fixed, train, 18).slice(12)
    // The twelve observations after the training part move the state: the forecasts differ…
    expect(Array.from(later)).not.toEqual(Array.from(atTrainEnd))
    // …yet stay on the series' scale (no refit, no drift away from the data).
    later.forEach((value, k) => expect(Math.abs(value - values[84 + k]!)).toBeLessThan(15))
  })

  it('refuses a damaged companion with a message naming what is wrong', () => {
    expect(() => checkFixedEts({ ...fixed, initialState: [1, 2] })).toThrow(/initial state must hold/)
    expect(() => checkFixedEts({ ...fixed, spec: { error: 'X', trend: 'N', season: 'N' } })).toThrow(
      /no valid model/,
    )
    expect(() => checkFixedEts(null)).toThrow(/no valid model/)
    expect(() => checkFixedEts(structuredClone(fixed))).not.toThrow()
  })
})

describe('a Theta model fitted once forecasts from any later origin', () => {
  const values = seasonalSeries(96, 5).map((value, t) => value + 0.5 * t)
  const train = values.slice(0, 72)
  const fixed = fitFixedTheta(train, 12)

  it('later, updates its level through the new points and keeps its drift and seasonal indices', () => {
    const later = fixedThetaForecast(fixed, values.slice(0, 84), 6)
    const atTrainEnd = fixedThetaForecast(fixed, train, 18).slice(12)
    expect(Array.from(later)).not.toEqual(Array.from(atTrainEnd))
    later.forEach((value, k) => expect(Math.abs(value / values[84 + k]! - 1)).toBeLessThan(0.25))
    expect(() => checkFixedTheta(structuredClone(fixed))).not.toThrow()
    expect(() => checkFixedTheta({ ...fixed, indices: [1, 2] })).toThrow(/12 positive seasonal indices/)
    expect(() => checkFixedTheta({ ...fixed, alpha: 3 })).toThrow(/alpha is outside/)
  })
})
