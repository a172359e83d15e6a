import { describe, expect, it } from 'vitest'
import { thetaForecast } from '../../../worker/statistics/baselines/theta'
import { etsForecast } from '../../../worker/statistics/ets/auto-ets'
import {
  companionForecasts,
  etsCompanion,
  etsVariantFor,
  FULL_ETS_BUDGET,
  type CompanionForecasts,
} from '../../../worker/panel/companion-forecasts'
import { deseasonalise, indicesAhead } from '../../../worker/statistics/seasonality/deseasonalise'
import { choosePanelCombination, combineSeries } from '../../../worker/panel/panel-combination'
import { combinationGrid } from '../../../worker/pipeline/combination'

const fit = [
  Float64Array.from({ length: 20 }, (_, t) => 10 + t + (t % 2)),
  Float64Array.from({ length: 16 }, (_, t) => 50 - t),
]
const actual = [Float64Array.from([30, 32, 32]), Float64Array.from([33, 33, 30])]
const companions = companionForecasts(fit, 1, 3)

describe("a global network's companions", () => {
  it('are R-style automatic ETS and Theta, each fitted on the history given', () => {
    expect(Array.from(companions.theta[0]!)).toEqual(Array.from(thetaForecast(fit[0], 1, 3)))
    expect(Array.from(companions.ets[1]!)).toEqual(Array.from(etsForecast(fit[1], 3, 1, []).mean))
  })
  it('are null for a series with no history, which then leaves its weight to the network', () => {
    const none = companionForecasts([new Float64Array(0)], 1, 2)
    expect(none).toEqual({ ets: [null], theta: [null] })
    expect(Array.from(combineSeries([4, 6], none, 0, { network: 0.5, ets: 0.25, theta: 0.25 }))).toEqual([
      4, 6,
    ])
  })
})

describe('combining the network with ETS and Theta, as validation prefers', () => {
  const parts: CompanionForecasts = { ets: [Float64Array.of(0, 40)], theta: [Float64Array.of(8, 8)] }
  it('mixes forecasts point by point at the weights', () => {
    expect(Array.from(combineSeries([10, 20], parts, 0, { network: 0.5, ets: 0.25, theta: 0.25 }))).toEqual([
      7, 22,
    ])
  })
  it('keeps the network alone when it forecasts the validation block exactly', () => {
    const choice = choosePanelCombination({ fit, actual, network: actual, companions }, 1)
    expect(choice.weights).toEqual({ network: 1, ets: 0, theta: 0 })
    expect(choice.validationOwa[0].owa).toBe(0)
    expect(choice.series).toBe(2)
  })
  it('moves to the statistics when the network is far off, and scores every weighting', () => {
    const wild = actual.map((a) => a.map((v) => 3 * v))
    const choice = choosePanelCombination({ fit, actual, network: wild, companions }, 1)
    expect(choice.weights.network).toBe(0)
    expect(choice.validationOwa.map((v) => v.weights)).toEqual(combinationGrid())
  })
  it('keeps the network on a tie (it is Theta, and so is every Theta weighting)', () => {
    const network = fit.map((y, s) => thetaForecast(y, 1, actual[s].length))
    const thetaOnly = { ets: fit.map(() => null), theta: companions.theta }
    expect(choosePanelCombination({ fit, actual, network, companions: thetaOnly }, 1).weights.network).toBe(1)
  })
  it('leaves out series without a validation block or history', () => {
    const choice = choosePanelCombination(
      {
        fit: [new Float64Array(0), ...fit],
        actual: [Float64Array.from([1]), ...actual],
        network: [Float64Array.from([1]), ...actual],
        companions: { ets: [null, ...companions.ets], theta: [null, ...companions.theta] },
      },
      1,
    )
    expect(choice.series).toBe(2)
  })
})

describe('which ETS a panel affords', () => {
  it('is R’s full ets() on panels the size of the competitions’, the cheaper adjusted one beyond', () => {
    expect(etsVariantFor(Array(756).fill(44), 4)).toBe('full')
    expect(etsVariantFor(Array(359).fill(930), 1)).toBe('full')
    expect(etsVariantFor(Array(10_000).fill(500), 12)).toBe('adjusted')
    expect(etsVariantFor([FULL_ETS_BUDGET + 1], 1)).toBe('adjusted')
  })
  it('fits the adjusted variant on the seasonally adjusted series and puts the season back', () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => (100 + t) * [0.8, 1.1, 1.3, 0.8][t % 4])
    const adjustment = deseasonalise(y, 4)
    expect(adjustment.seasonal).toBe(true)
    const expected = etsForecast(adjustment.adjusted, 4, 1, []).mean.map(
      (f, k) => f * indicesAhead(adjustment, 4)[k],
    )
    expect(Array.from(etsCompanion(y, 4, 4, 'adjusted')!)).toEqual(Array.from(expected))
    expect(Array.from(etsCompanion(y, 4, 4, 'full')!)).toEqual(Array.from(etsForecast(y, 4, 4, []).mean))
  })
})
