import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TrainingConfigInput, TrainingEpochEvent } from '../../../electron/api/requests/training'
import { epochsOf } from '../../../electron/api/requests/training-epochs'
import type { EventName, EventPayload } from '../../../electron/api/contract'
import {
  TrainingService,
  type TrainingServiceOptions,
} from '../../../electron/services/training/training-service'
import type { TrainingWindows } from '../../../worker/training/windows'

export const WORKER_FILE = fileURLToPath(new URL('../../../worker/tasks/train-worker.ts', import.meta.url))

export interface RecordedEvent {
  name: EventName
  payload: EventPayload<EventName>
}

/**
 * A service on the TypeScript worker entry (run through tsx), recording every event it publishes.
 * Its clock steps 1 s per reading, so the 10-events-a-second limit never holds an epoch back and
 * a test can react to an epoch's event while the job is still at that epoch.
 */
export function createTestService(options: Partial<TrainingServiceOptions> = {}) {
  const events: RecordedEvent[] = []
  const service = new TrainingService({
    workerFilename: WORKER_FILE,
    execArgv: ['--import', 'tsx'],
    poolSize: 2,
    clock: steppingClock(),
    events: { publish: (name, payload) => events.push({ name, payload }) },
    ...options,
  })
  return { service, events }
}

/** Noisy sine windows, split into training and validation (deterministic). */
export function sineWindows(
  count: number,
  lookback: number,
  horizon: number,
  validation = 0,
): TrainingWindows {
  const total = count + validation
  const series = Array.from(
    { length: total + lookback + horizon },
    (_, t) => Math.sin(t / 3) + 0.1 * Math.cos(t * 1.7),
  )
  const build = (from: number, n: number) => {
    const x = new Float32Array(n * lookback)
    const y = new Float32Array(n * horizon)
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < lookback; t++) x[i * lookback + t] = series[from + i + t]
      for (let h = 0; h < horizon; h++) y[i * horizon + h] = series[from + i + lookback + h]
    }
    return { x, y }
  }
  return {
    inputSize: 1,
    train: build(0, count),
    validation: validation > 0 ? build(count, validation) : null,
  }
}

/** A small, fast configuration; tests override what they exercise. */
export function smallConfig(overrides: Partial<TrainingConfigInput> = {}): TrainingConfigInput {
  return {
    layers: [{ cell: 'lstm', units: 8, dropout: 0 }],
    lookback: 12,
    horizon: 2,
    batchSize: 16,
    epochs: 3,
    optimizer: { kind: 'adam', lr: 0.01 },
    seed: 7,
    backend: 'reference',
    shardSize: 4,
    ...overrides,
  }
}

export function epochLosses(events: RecordedEvent[]): number[] {
  return events
    .filter((event) => event.name === 'training.epoch')
    .flatMap((event) => epochsOf(event.payload as TrainingEpochEvent))
    .map((epoch) => epoch.trainLoss)
}

export async function temporaryDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lstm-training-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Validation targets are the negated training targets: the better the model fits the
 * training data, the worse it does on validation, so the best epoch comes early.
 */
export function anticorrelatedWindows(count: number, lookback: number, horizon: number): TrainingWindows {
  const base = sineWindows(count, lookback, horizon)
  return { ...base, validation: { x: base.train.x, y: Float32Array.from(base.train.y, (value) => -value) } }
}

/** A clock that advances 1 s per reading, so the throttle admits every progress event. */
export function steppingClock(): () => number {
  let now = 0
  return () => (now += 1000)
}

export function eventsOf(events: RecordedEvent[], jobId: string): RecordedEvent[] {
  return events.filter((event) => (event.payload as { jobId?: string }).jobId === jobId)
}
