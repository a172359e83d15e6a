import { existsSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { ProjectView } from '../../../electron/api/requests/projects'
import { createTestServices } from '../helpers/test-services'

const app = createTestServices('lstm-delete-')
afterAll(() => app.dispose())

async function call<T>(name: string, args: unknown): Promise<T> {
  const reply = await app.dispatch(name, args, { transport: 'websocket' })
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code })
  return reply.result as T
}

describe('projects.delete', () => {
  it('checks the typed name before closing anything: a wrong name leaves the project open and writable', async () => {
    const project = await call<ProjectView>('projects.create', { name: 'Keep me' })
    const refused = await app.dispatch(
      'projects.delete',
      { path: project.path, confirmName: 'Keep' },
      { transport: 'websocket' },
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })
    expect(existsSync(project.path)).toBe(true)
    const still = await call<ProjectView>('projects.get', { projectId: project.projectId })
    expect(still.readOnly).toBe(false)
    const renamed = await call<ProjectView>('projects.rename', { projectId: project.projectId, name: 'Kept' })
    expect(renamed.manifest.name).toBe('Kept')
  })

  it('with the right name closes the open project and deletes its folder', async () => {
    const project = await call<ProjectView>('projects.create', { name: 'Doomed' })
    await expect(call('projects.delete', { path: project.path, confirmName: 'Doomed' })).resolves.toEqual({
      deleted: project.path,
    })
    expect(existsSync(project.path)).toBe(false)
    await expect(call('projects.get', { projectId: project.projectId })).rejects.toMatchObject({
      code: 'PROJECT_NOT_OPEN',
    })
  })
})
