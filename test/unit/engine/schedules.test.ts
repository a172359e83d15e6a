import { describe, expect, it } from 'vitest'
import { createSchedule, type LrSchedule } from '../../../worker/engine/schedules'

function sequence(schedule: LrSchedule, epochs: number, metrics: number[] = []): number[] {
  const lrs = [schedule.lr]
  for (let epoch = 0; epoch < epochs; epoch++) lrs.push(schedule.step(metrics[epoch]))
  return lrs
}

describe('learning-rate schedules', () => {
  it('constant', () => {
    expect(sequence(createSchedule({ kind: 'constant' }, 0.1), 3)).toEqual([0.1, 0.1, 0.1, 0.1])
  })

  it('step decays by gamma every stepSize epochs', () => {
    expect(sequence(createSchedule({ kind: 'step', stepSize: 2, gamma: 0.5 }, 1), 4)).toEqual([
      1, 1, 0.5, 0.5, 0.25,
    ])
  })

  it('cosine anneals to minLr over T epochs and stays there', () => {
    const lrs = sequence(createSchedule({ kind: 'cosine', T: 4, minLr: 0.1 }, 1.1), 6)
    const expected = [1.1, 0.1 + 0.5 * (1 + Math.SQRT1_2), 0.6, 0.1 + 0.5 * (1 - Math.SQRT1_2), 0.1, 0.1, 0.1]
    lrs.forEach((lr, i) => expect(lr).toBeCloseTo(expected[i], 14))
  })

  it('reduce-on-plateau cuts the lr after `patience` epochs without relative improvement', () => {
    const schedule = createSchedule(
      { kind: 'plateau', patience: 1, factor: 0.5, minLr: 0.3, threshold: 0.01 },
      1,
    )
    // 0.995 is not 1 % better than 1.0, so it counts as a bad epoch.
    expect(sequence(schedule, 6, [1, 0.995, 0.999, 0.5, 0.6, 0.6])).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.3])
  })

  it('rejects bad configurations', () => {
    expect(() => createSchedule({ kind: 'cosine', T: 0 }, 1)).toThrow(/T must be positive/)
    expect(() => createSchedule({ kind: 'plateau', patience: 1, factor: 2 }, 1)).toThrow(/factor/)
    expect(() => createSchedule({ kind: 'plateau', patience: 1, factor: 0.5 }, 1).step()).toThrow(
      /needs a metric/,
    )
    expect(() => createSchedule({ kind: 'warmup' } as never, 1)).toThrow(/Unknown schedule "warmup"/)
  })
})
