import { describe, expect, it } from 'vitest'
import { EventThrottle } from '../../../electron/services/training/event-throttle'
import { JobEvents } from '../../../electron/services/training/job-events'
import { epochsOf } from '../../../electron/api/requests/training-epochs'
import type { TrainingEpochEvent } from '../../../electron/api/requests/training'
import type { RecordedEvent } from './helpers'

function manualClock() {
  const clock = { now: 0, read: () => clock.now }
  return clock
}

const progress = (batch: number) => ({
  epoch: 0,
  batch,
  batches: 100,
  trainLoss: 1,
  learningRate: 0.01,
  gradNorm: 1,
  windowsPerSec: 10,
  etaSeconds: 1,
})

/** One job's event stream on a manual clock, recording what it publishes and when (rate-limited kinds). */
function recordedJob() {
  const clock = manualClock()
  const sent: RecordedEvent[] = []
  const publishedAt: number[] = []
  const events = new JobEvents(
    'job',
    {
      publish: (name, payload) => {
        sent.push({ name, payload })
        if (name !== 'training.state') publishedAt.push(clock.now)
      },
    },
    clock.read,
  )
  return { clock, sent, publishedAt, events }
}

describe('event throttle', () => {
  it('admits a progress event only when the previous event is at least 100 ms old', () => {
    const clock = manualClock()
    const throttle = new EventThrottle(100, clock.read)
    const admitted = [0, 50, 99, 100, 150, 199, 200, 450].filter((time) => {
      clock.now = time
      return throttle.admit()
    })
    expect(admitted).toEqual([0, 100, 200, 450])
  })

  it('never drops forced events, and they delay the next progress', () => {
    const clock = manualClock()
    const throttle = new EventThrottle(100, clock.read)
    expect(throttle.admit()).toBe(true)
    clock.now = 60
    throttle.recordForced()
    clock.now = 120
    expect(throttle.admit()).toBe(false)
    clock.now = 160
    expect(throttle.admit()).toBe(true)
  })

  it('keeps at most 10 progress events per second of a dense stream, in order, with every epoch and state', () => {
    const { clock, sent, events } = recordedJob()
    events.state('running')
    for (let batch = 0; batch < 1000; batch++) {
      clock.now = 5 + batch * 3 // a progress event every 3 ms, for 3 s
      events.progress(progress(batch))
      if (batch % 250 === 249)
        events.epoch({ epoch: batch, trainLoss: 1, valLoss: null, best: false, lr: 0.01 })
    }
    events.state('completed')
    const progressSent = sent.filter((event) => event.name === 'training.progress')
    expect(progressSent.length).toBeLessThanOrEqual(31)
    expect(progressSent.length).toBeGreaterThanOrEqual(20)
    expect(sent.filter((event) => event.name === 'training.epoch')).toHaveLength(4)
    expect(sent.map((event) => event.name).at(0)).toBe('training.state')
    expect(sent.map((event) => event.name).at(-1)).toBe('training.state')
    const batches = progressSent.map((event) => (event.payload as { batch: number }).batch)
    expect(batches).toEqual([...batches].sort((a, b) => a - b))
    expect(events.lastProgress?.batch).toBe(999)
    expect(events.epochs).toHaveLength(4)
    expect(events.states.map((event) => event.state)).toEqual(['running', 'completed'])
  })

  it('sends fast epochs in groups: at most 10 progress and epoch events a second, every epoch once, in order', () => {
    const { clock, sent, publishedAt, events } = recordedJob()
    events.state('running')
    // 200 epochs of 15 ms, each with 3 steps: 3 s of training.
    for (let epoch = 0; epoch < 200; epoch++) {
      for (let batch = 0; batch < 3; batch++) {
        clock.now += 5
        events.progress({ ...progress(batch), epoch })
      }
      events.epoch({ epoch, trainLoss: 1 / (epoch + 1), valLoss: null, best: true, lr: 0.01, seconds: 0.015 })
    }
    events.state('completed')
    const limited = sent.filter((event) => event.name !== 'training.state')
    const gaps = publishedAt.slice(1, -1).map((time, i) => time - publishedAt[i])
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100)
    expect(limited.length).toBeLessThanOrEqual(31) // 3 s at 10/s, plus the flush before the final state
    const delivered = limited
      .filter((event) => event.name === 'training.epoch')
      .flatMap((event) => epochsOf(event.payload as TrainingEpochEvent).map((epoch) => epoch.epoch))
    expect(delivered).toEqual(Array.from({ length: 200 }, (_, i) => i))
    expect(sent.at(-1)?.name).toBe('training.state')
    expect(sent.at(-2)?.name).toBe('training.epoch')
    expect(events.epochs.map((epoch) => epoch.epoch)).toEqual(delivered)
  })

  it('publishes a slow epoch at once and on its own', () => {
    const { clock, sent, events } = recordedJob()
    clock.now = 1000
    events.epoch({ epoch: 0, trainLoss: 1, valLoss: 2, best: true, lr: 0.01, seconds: 1 })
    expect(sent).toEqual([
      {
        name: 'training.epoch',
        payload: { jobId: 'job', epoch: 0, trainLoss: 1, valLoss: 2, best: true, lr: 0.01, seconds: 1 },
      },
    ])
  })
})
