import { describe, expect, it } from 'vitest'
import { describeRole, parseRole, type NetworkRole } from '../../../worker/training/network-role'
import { rolesFromLog } from '../../../electron/services/projects/run-files'

describe("a network's role is read back from the run's log", () => {
  const roles: NetworkRole[] = [
    { stage: 'train', member: 1, members: 1 },
    { candidate: 'level', stage: 'train', member: 2, members: 3 },
    { candidate: 'seasonalResidual', stage: 'fold', fold: 3, member: 1, members: 1 },
    { candidate: 'level', stage: 'refit', member: 1, members: 1 },
    { stage: 'final', member: 4, members: 5 },
    { candidate: 'seasonalResidual', stage: 'backtest', member: 1, members: 2 },
    // A panel's backtest origin 2 of 3.
    { stage: 'backtest', origin: 2, origins: 3, member: 2, members: 2 },
  ]

  it('gives back every role describeRole writes', () => {
    for (const role of roles) expect(parseRole(describeRole(role))).toEqual(role)
  })

  it('refuses words describeRole does not write', () => {
    expect(parseRole('Levels · sideways')).toBeNull()
    expect(parseRole('Something else')).toBeNull()
  })

  it("finds each job's role in log.txt, other lines ignored", () => {
    const log = [
      '2026-12-06T10:00:00.000Z started: Auto, 144 rows',
      `2026-12-06T10:00:00.100Z network run-a-1 (${describeRole(roles[1]!)}) queued`,
      `2026-12-06T10:00:00.200Z network run-a-2 (${describeRole(roles[2]!)}) queued`,
      '2026-12-06T10:01:00.000Z saved as models/run-a',
    ].join('\n')
    expect([...rolesFromLog(log)]).toEqual([
      ['run-a-1', roles[1]],
      ['run-a-2', roles[2]],
    ])
  })
})
