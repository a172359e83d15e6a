import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/api/dispatch'
import type { ProjectView } from '../../electron/api/requests/projects'
import { createServices } from '../../electron/services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

const root = mkdtempSync(path.join(os.tmpdir(), 'lstm-open-twice-'))
const services = createServices({
  identity: { name: 'LSTM Studio', version: '0.0.0-test', electronVersion: null },
  samplesDir: path.resolve(__dirname, '../../resources/samples'),
  settingsDir: path.join(root, 'settings'),
  defaultProjectsFolder: path.join(root, 'projects'),
  workers: testWorkerFiles,
})
const dispatch = createDispatcher(services.handlers)

afterAll(async () => {
  await services.dispose()
  rmSync(root, { recursive: true, force: true })
})

async function open(name: 'projects.openSample' | 'projects.open', args: object): Promise<ProjectView> {
  const reply = await dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.result as ProjectView
}

describe('a project opened again by this instance (a second tab)', () => {
  it('stays writable for everyone', async () => {
    const first = await open('projects.openSample', {})
    expect(first.readOnly).toBe(false)
    const again = await open('projects.openSample', {})
    const byPath = await open('projects.open', { path: first.path })
    expect(again.readOnly).toBe(false)
    expect(byPath.readOnly).toBe(false)
    const renamed = await dispatch(
      'projects.rename',
      { projectId: first.projectId, name: 'Still mine' },
      {
        transport: 'ipc',
      },
    )
    expect(renamed).toMatchObject({ ok: true, result: { manifest: { name: 'Still mine' } } })
  })
})
