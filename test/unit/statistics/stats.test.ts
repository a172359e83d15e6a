import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile, zForLevel } from '../../../worker/statistics/stats/normal'
import { studentTQuantile } from '../../../worker/statistics/stats/student-t'

describe('normal distribution', () => {
  it('matches R qnorm to double precision', () => {
    expect(zForLevel(95)).toBeCloseTo(1.959963984540054, 14)
    expect(zForLevel(80)).toBeCloseTo(1.2815515655446004, 14)
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13)
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11)
  })
  it('has a consistent CDF', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15)
    expect(normalCdf(-5)).toBeCloseTo(2.866515718791939e-7, 20)
  })
})

describe('Student t quantile', () => {
  it('matches R qt', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.70620473617471, 9)
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10)
    expect(studentTQuantile(0.9, 120)).toBeCloseTo(1.288646, 5)
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.570581835636314, 10)
  })
})
