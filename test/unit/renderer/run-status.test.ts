import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../../electron/api/records'
import { runStatusKey } from '../../../renderer/src/screens/train/run-status'

const run = (id: string, status: RunRecord['status']) => ({ id, status }) as RunRecord

describe('the status the runs list shows', () => {
  it('is the live state of the followed run while its record still says running', () => {
    expect(runStatusKey(run('r1', 'running'), { jobId: 'r1', state: 'cancelled' }, false)).toBe('cancelled')
    expect(runStatusKey(run('r1', 'running'), { jobId: 'r1', state: 'paused' }, false)).toBe('paused')
  })

  it("is the record's once it is final, or for any other run", () => {
    expect(runStatusKey(run('r1', 'completed'), { jobId: 'r1', state: 'stopped' }, false)).toBe('completed')
    expect(runStatusKey(run('r2', 'running'), { jobId: 'r1', state: 'cancelled' }, false)).toBe('running')
    expect(runStatusKey(run('r3', 'running'), { jobId: 'r1', state: 'running' }, true)).toBe('interrupted')
  })
})
