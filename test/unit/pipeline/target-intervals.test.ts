import { describe, expect, it } from 'vitest'
import { describePreprocessing } from '../../../worker/export/index'
import { readPreprocessing } from '../../../worker/export/read/read-preprocessing'
import { rebuildTrainedModel } from '../../../worker/export/read/rebuild-model'
import { forecastAhead, runPipeline, type TrainedModel } from '../../../worker/pipeline/index'
import { monthlySeries, tinyConfig } from './helpers'

/** Small positive counts with large swings: additive intervals would reach below 0. */
const counts = Array.from({ length: 96 }, (_, t) => 3 + (t % 12 === 0 ? 40 : 0) + (t % 5))

/** The same model with intervals ten times wider, so the floor is certain to matter. */
function wider(model: TrainedModel): TrainedModel {
  const calibrations = model.calibrations.map((calibration) => ({
    ...calibration,
    halfWidths: Object.fromEntries(
      Object.entries(calibration.halfWidths).map(([level, widths]) => [
        level,
        widths.map((w) => 10 * w + 50),
      ]),
    ),
  }))
  return { ...model, calibrations }
}

describe('intervals respect the data', () => {
  it('never reach below 0 for a series that never did, and say so', async () => {
    const series = monthlySeries(counts)
    const result = await runPipeline(series, tinyConfig(), { quick: true })
    expect(result.model.state.targets[0]!.lowerBound).toBe(0)
    expect(result.notes.some((note) => /floored at 0/.test(note))).toBe(true)
    const ahead = await forecastAhead(wider(result.model), series)
    for (const band of ahead.targets[0]!.intervals) expect(Math.min(...band.lower)).toBe(0)
    const test = result.targets[0]!.test!
    for (const level of [80, 95]) expect(Math.min(...test.lower[level]!)).toBeGreaterThanOrEqual(0)

    // An export carries the floor, and a forecast from it applies it too.
    const description = readPreprocessing(
      JSON.parse(JSON.stringify(describePreprocessing(wider(result.model)))),
    )
    const model = rebuildTrainedModel(
      description,
      result.model.state.spec,
      Float32Array.from(result.model.params),
    )
    const exported = await forecastAhead(model, series)
    expect(Math.min(...exported.targets[0]!.intervals[0]!.lower)).toBe(0)
  })

  it('are not floored for a series that went below 0', async () => {
    const series = monthlySeries(counts.map((value, t) => value - (t === 5 ? 20 : 0)))
    const result = await runPipeline(series, tinyConfig(), { quick: true })
    expect(result.model.state.targets[0]!.lowerBound).toBeUndefined()
    const ahead = await forecastAhead(wider(result.model), series)
    expect(Math.min(...ahead.targets[0]!.intervals[0]!.lower)).toBeLessThan(0)
  })
})
