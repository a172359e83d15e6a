import { execFile } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SoakSummary } from '../../../scripts/bench/soak'

const root = path.resolve(__dirname, '../../..')
/** Generous: a leak of the job's buffers or history would be hundreds of KB per job. */
const MAX_KB_PER_JOB = 150

/** The soak script in a child started with --expose-gc, so heap figures are measured after a real GC. */
function runSoak(jobs: number, stormEvery: number): Promise<SoakSummary> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        path.join(root, 'node_modules/tsx/dist/loader.mjs'),
        path.join(root, 'scripts/bench/soak.ts'),
        '--jobs',
        String(jobs),
        '--storm-every',
        String(stormEvery),
      ],
      { cwd: root, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`soak failed: ${error.message}\n${stderr}`))
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as SoakSummary)
      },
    )
  })
}

describe('soak (30 jobs and 3 pause/resume/cancel storms in one service)', () => {
  it('leaks no threads, no listeners and little heap per job', async () => {
    const summary = await runSoak(30, 10)
    expect(summary.gcExposed).toBe(true)
    expect(summary.storms).toBe(3)
    expect(summary.states).toEqual({ completed: 30, cancelled: 6 })
    expect(summary.threads.afterFirstJob).toBe(summary.threads.poolSize)
    expect(summary.threads.end).toBe(summary.threads.poolSize)
    expect(summary.listeners.busEnd).toBe(summary.listeners.busStart)
    expect(summary.listeners.processEnd).toBeLessThanOrEqual(summary.listeners.processStart)
    expect(summary.slopeKBPerJob).toBeLessThan(MAX_KB_PER_JOB)
  })
})
