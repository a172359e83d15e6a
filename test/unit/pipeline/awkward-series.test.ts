import { describe, expect, it } from 'vitest'
import { runAuto } from '../../../worker/pipeline/index'

/**
 * Auto on the series a user's file can hold that no public sample does: constant, mostly zero,
 * falling towards 0, at the lengths where one candidate or another no longer fits. Each must get
 * a finite forecast inside its bands, never below a floor the series never crossed.
 */
const quick = { quick: true, backend: 'reference' as const, overrides: { epochs: 2, ensemble: 1 } }

const SHAPES: Record<string, (t: number) => number> = {
  constant: () => 42,
  mostlyZero: (t) => (t % 5 === 3 ? 2 + (t % 3) : 0),
  falling: (t) => 200 - 5 * t + (t % 3),
}

// (points, period): an annual series whose ETS-residual fold is too short, M3's shortest quarterly
// shape, and monthly series below two seasons + h (statistical) and below a season before a window.
const LENGTHS: Array<[number, number]> = [
  [20, 1],
  [16, 4],
  [20, 12],
  [36, 12],
]

describe('awkward series all get a forecast', () => {
  for (const [n, m] of LENGTHS)
    for (const [shape, value] of Object.entries(SHAPES))
      it(`${shape}, ${n} points, period ${m}`, async () => {
        const values = Array.from({ length: n }, (_, t) => value(t))
        const auto = await runAuto({ targets: [{ name: 'value', values }], period: m }, quick)
        const { mean, intervals } = auto.result.forecast.targets[0]!
        expect(mean.length).toBeGreaterThan(0)
        mean.forEach((f, k) => {
          expect(Number.isFinite(f)).toBe(true)
          expect(f).toBeGreaterThanOrEqual(0)
          for (const band of intervals) {
            expect(band.lower[k]).toBeLessThanOrEqual(f)
            expect(band.upper[k]).toBeGreaterThanOrEqual(f)
            expect(band.lower[k]).toBeGreaterThanOrEqual(0)
          }
        })
      })
})
