import { mulberry32 } from '../engine/index'
import type { Cut } from './window-builder'

/**
 * Which windows an epoch trains on. Every series with at least one valid cut gets the same share
 * of the budget (a long series must not drown the short ones, as in NeuralForecast's and the
 * M4 winners' sampling), drawn uniformly over its valid origins; a series with fewer valid cuts
 * than its share gives all of them. Seeded, so a run is reproducible.
 */

export interface CutRange {
  series: number
  /** Smallest and largest valid origin, inclusive. */
  first: number
  last: number
}

/** Valid origins of each series: at least `minObserved` inputs, the whole target inside `fitLength`. */
export function cutRanges(fitLengths: readonly number[], minObserved: number, horizon: number): CutRange[] {
  const ranges: CutRange[] = []
  fitLengths.forEach((length, series) => {
    const first = Math.max(1, minObserved)
    const last = length - horizon
    if (last >= first) ranges.push({ series, first, last })
  })
  return ranges
}

export function sampleCuts(ranges: readonly CutRange[], budget: number, seed: number): Cut[] {
  if (ranges.length === 0) return []
  const share = Math.max(1, Math.ceil(budget / ranges.length))
  const random = mulberry32(seed)
  const cuts: Cut[] = []
  for (const range of ranges) {
    const count = range.last - range.first + 1
    if (count <= share) {
      for (let origin = range.first; origin <= range.last; origin++)
        cuts.push({ series: range.series, origin })
      continue
    }
    for (let i = 0; i < share; i++)
      cuts.push({ series: range.series, origin: range.first + Math.floor(random() * count) })
  }
  return cuts
}
