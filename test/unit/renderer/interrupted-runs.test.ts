import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import type { RunRecord } from '../../../electron/api/records'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { useTraining } from '../../../renderer/src/stores/training'
import { SMALL_JOB } from './small-job'

const run = (id: string, status: RunRecord['status']) =>
  ({ id, status, config: SMALL_JOB }) as unknown as RunRecord

describe('runs interrupted by closing the app', () => {
  it('are the running ones no job of this session trains, and resume continues them by id', async () => {
    const call = vi.fn(async (name: string, args?: { runId?: string }) => {
      if (name === 'training.list')
        return [{ jobId: 'live', state: 'running', epoch: 1, epochs: 10, bestEpoch: null, bestLoss: null }]
      if (name === 'training.start') return { jobId: args?.runId, state: 'running', epoch: 3, epochs: 10 }
      return undefined
    })
    const app = createApp({})
    const handlers = new Map<string, (payload: unknown) => void>()
    const on = (name: string, handler: (payload: unknown) => void) => {
      handlers.set(name, handler)
      return () => handlers.delete(name)
    }
    provideApi(app, { transport: 'websocket', call, on } as unknown as ApiClient)
    app.use(createPinia())
    const training = app.runWithContext(() => useTraining())
    await training.resync()
    await flushPromises()

    expect(training.isInterrupted(run('live', 'running'))).toBe(false)
    expect(training.isInterrupted(run('done', 'completed'))).toBe(false)
    expect(training.isInterrupted(run('closed', 'running'))).toBe(true)
    // A job started later in this session (say from another window) is alive, not interrupted.
    handlers.get('training.state')!({ jobId: 'side', state: 'queued' })
    expect(training.isInterrupted(run('side', 'running'))).toBe(false)

    expect(await training.resumeRun(run('closed', 'running'))).toBe(true)
    expect(call).toHaveBeenCalledWith('training.start', { ...SMALL_JOB, runId: 'closed', resume: true })
    expect(training.jobId).toBe('closed')
    expect(training.isInterrupted(run('closed', 'running'))).toBe(false)
  })
})
