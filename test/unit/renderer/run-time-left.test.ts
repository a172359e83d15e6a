import { describe, expect, it } from 'vitest'
import type { TrainingCandidate } from '../../../electron/api/requests/training-auto'
import {
  epochsToCome,
  PACE_WINDOW_MS,
  timeLeftSeconds,
  withSample,
} from '../../../renderer/src/screens/train/run-time-left'

const net = (
  jobId: string,
  stage: TrainingCandidate['role']['stage'],
  state: TrainingCandidate['state'],
  epoch: number,
  members = 1,
): TrainingCandidate => ({
  jobId,
  role: { candidate: 'level', stage, member: 1, members },
  state,
  epoch,
  epochs: 100,
})

describe('the time left covers the whole run', () => {
  it('foresees the final fit, one network per member, until it starts', () => {
    const judging = [
      net('a', 'train', 'completed', 30, 2),
      net('b', 'train', 'completed', 50, 2),
      net('c', 'fold', 'running', 3),
    ]
    // Two members, each for the 40 epochs the judged networks trained on average.
    expect(epochsToCome(judging, () => 0)).toBe(80)
    // A network still training counts for its configured epochs.
    expect(epochsToCome([net('a', 'train', 'running', 10)], () => 12)).toBe(100)
    expect(epochsToCome([...judging, net('d', 'final', 'queued', 0)], () => 0)).toBe(0)
    expect(epochsToCome([], () => 0)).toBe(0)
  })

  it("foresees a panel's backtest origins still to come, then its final fit", () => {
    const origin = (jobId: string, k: number, state: TrainingCandidate['state']): TrainingCandidate => ({
      jobId,
      role: { stage: 'backtest', origin: k, origins: 3, member: 1, members: 2 },
      state,
      epoch: 5,
      epochs: 100,
    })
    const judged = [net('a', 'train', 'completed', 20, 2), net('b', 'train', 'completed', 40, 2)].map(
      (network) => ({ ...network, role: { ...network.role, origins: 3 } }),
    )
    // Before any origin: three origins and the final fit, two members each for 30 epochs.
    expect(epochsToCome(judged, () => 0)).toBe(4 * 2 * 30)
    // Origin 1 started: origins 2 and 3 and the final fit to come, two members each for 30 epochs.
    expect(epochsToCome([...judged, origin('c', 1, 'running'), origin('d', 1, 'running')], () => 0)).toBe(
      3 * 2 * 30,
    )
    expect(epochsToCome([...judged, origin('c', 1, 'completed'), origin('e', 3, 'running')], () => 0)).toBe(
      2 * 2 * 30,
    )
  })

  it('goes by the pace of the whole run and counts down between events', () => {
    let samples = withSample([], { at: 0, done: 0 })
    expect(timeLeftSeconds(100, samples, 0)).toBeNull()
    samples = withSample(samples, { at: 10_000, done: 5 })
    // 5 epochs in 10 s: 100 epochs left take 200 s, 3 s of which have passed since.
    expect(timeLeftSeconds(100, samples, 10_000)).toBeCloseTo(200)
    expect(timeLeftSeconds(100, samples, 13_000)).toBeCloseTo(197)
    expect(timeLeftSeconds(0, samples, 13_000)).toBe(0)
  })

  it('forgets an old pace and starts again when the epochs go back', () => {
    let samples = withSample([], { at: 0, done: 0 })
    samples = withSample(samples, { at: 1_000, done: 10 })
    samples = withSample(samples, { at: PACE_WINDOW_MS + 5_000, done: 12 })
    expect(samples.map((sample) => sample.done)).toEqual([12])
    expect(withSample(samples, { at: PACE_WINDOW_MS + 6_000, done: 1 })).toEqual([
      { at: PACE_WINDOW_MS + 6_000, done: 1 },
    ])
  })
})
