/**
 * Single series drawn from a competition panel (train and test files in long form), for judging
 * the single-series Auto on series it was never tuned on: `npm run bench -- quality
 * --sample-train=P --sample-test=P --period=M [--count=N]`. The series are taken evenly spaced
 * over the sorted ids, so the sample is the same at every run and covers the panel's categories;
 * --sample-offset=K shifts every pick K ids along, for a second sample disjoint from the first;
 * --sample-below=N draws only from series of fewer than N points (test part included), to judge a
 * rule for one length band.
 */
import { readPanelCsv } from '../../electron/services/data/panel/read-panel'
import type { SeriesInput } from '../../worker/pipeline/index'

export interface SampledSeries {
  name: string
  series: SeriesInput
  /** Test points (the panel's horizon). */
  horizon: number
}

function concat(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + b.length)
  out.set(Array.from(a))
  out.set(Array.from(b), a.length)
  return out
}

export async function panelSample(
  trainPath: string,
  testPath: string,
  period: number,
  count: number,
  offset = 0,
  below = Infinity,
): Promise<SampledSeries[]> {
  const [train, test] = await Promise.all([readPanelCsv(trainPath), readPanelCsv(testPath)])
  const tests = new Map(test.series.map((s) => [s.key.join('/'), s]))
  const lengthOf = (s: (typeof train.series)[number]) =>
    s.values.length + (tests.get(s.key.join('/'))?.values.length ?? 0)
  const keys = train.series
    .filter((s) => lengthOf(s) < below)
    .map((s) => s.key.join('/'))
    .sort()
  const step = keys.length / Math.min(count, keys.length)
  const chosen = new Set(
    Array.from(
      { length: Math.min(count, keys.length) },
      (_, i) => keys[(Math.floor(i * step) + offset) % keys.length],
    ),
  )
  return train.series
    .filter((s) => chosen.has(s.key.join('/')))
    .map((s) => {
      const name = s.key.join('/')
      const future = tests.get(name)
      if (!future) throw new Error(`series ${name} has no test part in ${testPath}`)
      const stamps = s.timestamps && future.timestamps ? concat(s.timestamps, future.timestamps) : null
      return {
        name,
        horizon: future.values.length,
        series: {
          targets: [{ name: 'value', values: concat(s.values, future.values) }],
          timestamps: stamps,
          frequency: train.frequency,
          period,
        },
      }
    })
}
