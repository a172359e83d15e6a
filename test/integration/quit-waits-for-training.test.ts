import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RequestName, RequestResult } from '../../electron/api/contract'
import type { TrainingEpochEvent } from '../../electron/api/requests/training'
import { epochsOf } from '../../electron/api/requests/training-epochs'
import { quitAfterDispose } from '../../electron/main/lifecycle/quit-after-dispose'
import { LAST_CHECKPOINT_FILE } from '../../electron/services/training/checkpoint-format'
import type { LastCheckpoint } from '../../electron/services/training/checkpoint-format'
import { RUNS_DIR } from '../../electron/services/projects/project-layout'
import { createTestServices } from '../unit/helpers/test-services'
import { endlessTrainingArgs } from './endless-training'

const app = createTestServices('lstm-quit-')
afterAll(() => app.dispose())

async function call<N extends RequestName>(name: N, args: unknown): Promise<RequestResult<N>> {
  const reply = await app.dispatch(name, args, { transport: 'ipc' })
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`)
  return reply.result as RequestResult<N>
}

describe('quitting the desktop app while a model trains', () => {
  it('quits only once the job is interrupted and its last checkpoint is on disk', async () => {
    const project = await call('projects.openSample', {})
    const air = project.manifest.datasets.find((dataset) => dataset.name === 'AirPassengers')!
    const source = { projectId: project.projectId, datasetId: air.id, targets: ['value'] }
    const plan = await call('training.autoPlan', source)
    let epochsPublished = 0
    const epochReached = new Promise<void>((resolve) =>
      app.services.bus.subscribe((event, payload) => {
        if (event !== 'training.epoch') return
        epochsPublished = epochsOf(payload as TrainingEpochEvent).at(-1)!.epoch + 1
        if (epochsPublished >= 2) resolve()
      }),
    )
    await call('training.start', endlessTrainingArgs(source, plan, 'quit-while-training', 'level'))
    await epochReached

    // The app as Electron runs it: quit() emits before-quit, and quits when nobody holds it back.
    const checkpoint = path.join(project.path, RUNS_DIR, 'quit-while-training', LAST_CHECKPOINT_FILE)
    let quitted!: (checkpointAtQuit: LastCheckpoint) => void
    const quit = new Promise<LastCheckpoint>((resolve) => (quitted = resolve))
    let beforeQuit!: (event: { preventDefault(): void }) => void
    const electronApp = {
      on: (_event: 'before-quit', listener: typeof beforeQuit) => (beforeQuit = listener),
      quit: () => {
        let prevented = false
        beforeQuit({ preventDefault: () => (prevented = true) })
        if (!prevented) quitted(JSON.parse(readFileSync(checkpoint, 'utf8')))
      },
    }
    quitAfterDispose(electronApp, () => app.services.dispose())
    electronApp.quit()
    const checkpointAtQuit = await quit

    expect((await call('training.status', { jobId: 'quit-while-training' })).state).toBe('interrupted')
    // When the app quits, the checkpoint on disk already holds every epoch the job reported.
    expect(checkpointAtQuit.format).toBe('lstm-studio-training-checkpoint/1')
    expect(checkpointAtQuit.epochsDone).toBe(epochsPublished)
  }, 120_000)
})
