import { describe, expect, it } from 'vitest'
import {
  inProcessTrainer,
  runPipeline,
  type Trainer,
  type TrainRequest,
} from '../../../worker/pipeline/index'
import { monthlySeries, seasonalSeries, tinyConfig } from './helpers'

/** The largest training target a request held, and the stage it trained for. */
function recording() {
  const requests: TrainRequest[] = []
  const trainer: Trainer = (request) => {
    requests.push(request)
    return inProcessTrainer(request)
  }
  return { requests, trainer }
}

describe('the forecast ahead comes from a network trained on every point', () => {
  // Strictly increasing, so a value seen in training says exactly which point it came from.
  const values = seasonalSeries(96, 4).map((value, t) => value + 10 * t)
  const series = monthlySeries(values)
  const config = tinyConfig({ transforms: { scaling: 'none', log: 'none', difference: 'none' } })

  it('evaluates without the test part, then refits on all of it, last point included', async () => {
    const { requests, trainer } = recording()
    const result = await runPipeline(series, config, { trainer, quick: true })
    const evaluation = requests.find((request) => request.role.stage === 'train')!
    const final = requests.find((request) => request.role.stage === 'final')!
    const seen = (request: TrainRequest) => Math.max(...Array.from(request.windows.train.y))
    const last = values[values.length - 1]!
    const testStart = values.length - 12
    // The evaluated network never saw a test point (nor validation: those are its early-stopping data).
    expect(seen(evaluation)).toBeLessThan(values[testStart - 12]!)
    expect(seen(final)).toBe(last)
    expect(final.windows.validation ?? null).toBeNull()
    // For the epochs validation chose.
    expect(final.settings.epochs).toBe(result.training.bestEpoch + 1)
    expect(result.finalFit).toEqual({ observations: 96, memberEpochs: [result.training.bestEpoch + 1] })
    // Metrics are the evaluated network's, on points it did not see; the forecast starts after the last point.
    expect(result.split.testStart).toBe(testStart)
    expect(result.forecast.targets[0]!.mean).toHaveLength(config.horizon)
  })
})
