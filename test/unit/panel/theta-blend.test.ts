import { describe, expect, it } from 'vitest'
import { thetaForecast } from '../../../worker/statistics/baselines/theta'
import { blend, chooseThetaBlend, thetaValidation } from '../../../worker/panel/theta-blend'

const fit = [
  Float64Array.from({ length: 20 }, (_, t) => 10 + t + (t % 2)),
  Float64Array.from({ length: 16 }, (_, t) => 50 - t),
]
const actual = [Float64Array.from([30, 32, 32]), Float64Array.from([33, 33, 30])]
const theta = thetaValidation(fit, 3, 1)

describe('blending the network with Theta, as validation prefers', () => {
  it('mixes forecasts point by point', () => {
    expect(Array.from(blend([10, 20], [0, 40], 0.75))).toEqual([7.5, 25])
  })
  it('keeps the network alone when it forecasts the validation block exactly', () => {
    const choice = chooseThetaBlend({ fit, actual, network: actual, theta }, 1)
    expect(choice.networkWeight).toBe(1)
    expect(choice.validationOwa[0]).toEqual({ networkWeight: 1, owa: 0 })
    expect(choice.series).toBe(2)
  })
  it('moves to Theta when the network is far off, and scores every share', () => {
    const wild = actual.map((a) => a.map((v) => 3 * v))
    const choice = chooseThetaBlend({ fit, actual, network: wild, theta }, 1)
    expect(choice.networkWeight).toBe(0)
    expect(choice.validationOwa.map((v) => v.networkWeight)).toEqual([1, 0.75, 0.5, 0.25, 0])
  })
  it('keeps the network on a tie (it is Theta)', () => {
    const network = fit.map((y, s) => thetaForecast(y, 1, actual[s].length))
    expect(chooseThetaBlend({ fit, actual, network, theta }, 1).networkWeight).toBe(1)
  })
  it('leaves out series without a validation block or history', () => {
    const choice = chooseThetaBlend(
      {
        fit: [new Float64Array(0), ...fit],
        actual: [Float64Array.from([1]), ...actual],
        network: [Float64Array.from([1]), ...actual],
        theta: [new Float64Array(0), ...theta],
      },
      1,
    )
    expect(choice.series).toBe(2)
  })
})
