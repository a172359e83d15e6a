import { afterEach, describe, expect, it } from 'vitest'
import type { ModelSpec } from '../../../worker/engine/index'
import { inProcessTrainer } from '../../../worker/training/in-process-trainer'
import type { TrainSettings } from '../../../worker/training/settings'
import type { TrainRequest } from '../../../worker/training/trainer'
import { poolTrainer } from '../../../electron/services/training/pool-trainer'
import { RunJobs } from '../../../electron/services/runs/run-jobs'
import { createTestService, sineWindows } from './helpers'

const spec: ModelSpec = {
  inputSize: 1,
  outputSize: 3,
  layers: [
    { cell: 'gru', units: 6, dropout: 0.2 },
    { cell: 'lstm', units: 5, dropout: 0 },
  ],
}

const settings: TrainSettings = {
  spec,
  lookback: 8,
  batchSize: 16,
  epochs: 6,
  patience: 0,
  optimizer: { name: 'adam', lr: 0.01 },
  schedule: { kind: 'constant' },
  clipNorm: 1,
  loss: 'mse',
  seed: 9,
  backend: 'auto',
  truncateSteps: 0,
  shardSize: 8,
}

function request(overrides: Partial<TrainRequest> = {}): TrainRequest {
  return {
    role: { stage: 'train', member: 1, members: 1 },
    settings,
    windows: sineWindows(70, 8, 3, 20),
    ...overrides,
  }
}

let dispose: (() => Promise<void>) | null = null
afterEach(async () => {
  await dispose?.()
  dispose = null
})

describe('one training loop for every caller', () => {
  it('trains in this thread exactly as a pool job does, bit for bit', async () => {
    const here = await inProcessTrainer(request())
    const { service } = createTestService({ poolSize: 2 })
    dispose = () => service.dispose()
    const run = new RunJobs('run-test', service, { publish: () => undefined })
    const pooled = await poolTrainer(service, { run, workers: 2 })(request())
    expect(pooled.trainLoss).toEqual(here.trainLoss)
    expect(pooled.valLoss).toEqual(here.valLoss)
    expect(pooled.bestEpoch).toBe(here.bestEpoch)
    expect(Array.from(pooled.params)).toEqual(Array.from(here.params))
    expect(run.jobIds).toEqual(['run-test-1'])
  }, 60_000)

  it('is reproducible and differs under another seed', async () => {
    const first = await inProcessTrainer(request())
    expect((await inProcessTrainer(request())).trainLoss).toEqual(first.trainLoss)
    const other = await inProcessTrainer(request({ settings: { ...settings, seed: 10 } }))
    expect(other.trainLoss).not.toEqual(first.trainLoss)
  })

  it('keeps the best epoch by validation loss and stops when patience runs out', async () => {
    const windows = sineWindows(70, 8, 3, 20)
    // Validation targets negated: fitting the training data makes validation worse.
    const anticorrelated = {
      ...windows,
      validation: { x: windows.train.x, y: Float32Array.from(windows.train.y, (v) => -v) },
    }
    const outcome = await inProcessTrainer(
      request({ windows: anticorrelated, settings: { ...settings, epochs: 40, patience: 3 } }),
    )
    expect(outcome.epochsRun).toBe(outcome.bestEpoch + 1 + 3)
    expect(outcome.valLoss[outcome.bestEpoch]).toBe(Math.min(...outcome.valLoss))
  })

  it('counts NaN validation targets for nothing (a window past the validation part)', async () => {
    const windows = sineWindows(70, 8, 3, 20)
    const y = Float32Array.from(windows.validation!.y)
    const masked = Float32Array.from(y)
    masked[y.length - 1] = Number.NaN
    masked[y.length - 2] = Number.NaN
    const once = { ...settings, epochs: 1 }
    const full = await inProcessTrainer(request({ settings: once }))
    const partial = await inProcessTrainer(
      request({
        settings: once,
        windows: { ...windows, validation: { x: windows.validation!.x, y: masked } },
      }),
    )
    expect(Number.isFinite(partial.valLoss[0])).toBe(true)
    expect(partial.valLoss[0]).not.toBe(full.valLoss[0])
    expect(partial.trainLoss).toEqual(full.trainLoss)
  })

  it('keeps the starting weights when no epoch beats them on validation', async () => {
    const windows = sineWindows(70, 8, 3, 0)
    const onTrain = { ...windows, validation: windows.train }
    const start = (
      await inProcessTrainer(request({ windows: onTrain, settings: { ...settings, epochs: 30 } }))
    ).params
    // A far too large step makes every epoch worse than the well-trained start.
    const reckless = { ...settings, epochs: 2, optimizer: { name: 'adam' as const, lr: 0.5 } }
    const kept = await inProcessTrainer(
      request({ windows: onTrain, initialParams: start, scoreInitial: true, settings: reckless }),
    )
    expect(kept.bestEpoch).toBe(-1)
    expect(kept.epochsRun).toBe(2)
    expect(Array.from(kept.params)).toEqual(Array.from(start))
  })

  it('refuses windows that do not match the model', async () => {
    const windows = sineWindows(70, 8, 3, 20)
    await expect(
      inProcessTrainer(
        request({
          windows: { ...windows, train: { x: windows.train.x, y: Array.from(windows.train.y).slice(1) } },
        }),
      ),
    ).rejects.toThrow(/Training targets have/)
  })
})
