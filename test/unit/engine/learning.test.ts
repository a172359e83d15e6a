import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mulberry32, normalSampler, type ModelSpec } from '../../../worker/engine'
import { trainHere, type TrainHere } from './train-here'
import { slidingWindows } from './helpers'

const LOOKBACK = 12

const SPEC: ModelSpec = {
  inputSize: 1,
  outputSize: 1,
  layers: [
    { cell: 'lstm', units: 10, dropout: 0 },
    { cell: 'lstm', units: 10, dropout: 0 },
  ],
}

function zScore(values: number[]): number[] {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length)
  return values.map((v) => (v - mean) / sd)
}

/** Chronological split: the last `validationShare` of the windows are held out. */
function splitWindows(series: number[], validationShare: number) {
  const all = slidingWindows(series, LOOKBACK, 1)
  const trainCount = Math.round(all.count * (1 - validationShare))
  return {
    train: { x: all.x.subarray(0, trainCount * LOOKBACK), y: all.y.subarray(0, trainCount) },
    validation: { x: all.x.subarray(trainCount * LOOKBACK), y: all.y.subarray(trainCount) },
  }
}

/** MSE of always predicting the training targets' mean. */
function constantForecastLoss(train: Float64Array, validation: Float64Array): number {
  const mean = train.reduce((sum, v) => sum + v, 0) / train.length
  return validation.reduce((sum, v) => sum + (v - mean) ** 2, 0) / validation.length
}

function airPassengers(): number[] {
  const csv = readFileSync(resolve(__dirname, '../../../resources/samples/AirPassengers.csv'), 'utf8')
  const rows = csv.trim().split(/\r?\n/).slice(1)
  return zScore(rows.map((row) => Number(row.split(',')[1])))
}

function noisySine(): number[] {
  const normal = normalSampler(mulberry32(11))
  return Array.from({ length: 240 }, (_, t) => Math.sin((2 * Math.PI * t) / 16) + 0.1 * normal())
}

async function train(series: number[], epochs: number) {
  const { train, validation } = splitWindows(series, 0.2)
  const options: TrainHere = {
    spec: SPEC,
    train,
    validation,
    steps: LOOKBACK,
    batchSize: 16,
    epochs,
    optimizer: { name: 'adam', lr: 0.01 },
    seed: 2024,
    clipNorm: 1,
  }
  return { result: await trainHere(options), baseline: constantForecastLoss(train.y, validation.y) }
}

describe('learning', () => {
  it('a 2-layer LSTM fits a noisy sine far better than a constant forecast', async () => {
    const { result, baseline } = await train(noisySine(), 25)
    const finalValidation = result.valLoss[result.valLoss.length - 1]
    expect(result.trainLoss[result.trainLoss.length - 1]).toBeLessThan(result.trainLoss[0])
    expect(finalValidation).toBeLessThan(0.2 * baseline)
  })

  it('a 2-layer LSTM forecasts AirPassengers better than a constant forecast', async () => {
    const { result, baseline } = await train(airPassengers(), 40)
    const finalValidation = result.valLoss[result.valLoss.length - 1]
    expect(finalValidation).toBeLessThan(0.5 * baseline)
  })

  it('is deterministic under a seed: identical loss bits across runs', async () => {
    const first = (await train(noisySine(), 3)).result
    const second = (await train(noisySine(), 3)).result
    expect(second.trainLoss).toEqual(first.trainLoss)
    expect(second.valLoss).toEqual(first.valLoss)
    expect(second.params).toEqual(first.params)
  })
})
