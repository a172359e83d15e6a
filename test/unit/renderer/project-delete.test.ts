import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { ApiError } from '../../../electron/api/errors'
import type { ProjectView } from '../../../electron/api/requests/projects'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { useProject } from '../../../renderer/src/stores/project'

const view = (projectId: string, path: string) =>
  ({ projectId, path, readOnly: false, lockedBy: null, manifest: { name: projectId } }) as ProjectView

/** The project store over a fake client whose `projects.delete` accepts only the name "Mine". */
function projectStore() {
  const call = vi.fn(async (name: string, args: { path?: string; confirmName?: string }) => {
    if (name === 'projects.open') return view('mine', args.path!)
    if (name === 'projects.openSample') return view('sample', '/projects/sample')
    if (name === 'projects.recent') return []
    if (name === 'projects.delete') {
      if (args.confirmName !== 'Mine')
        throw new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'Type "Mine" to delete it' })
      return { deleted: args.path }
    }
    return {}
  })
  const app = createApp({})
  provideApi(app, { transport: 'websocket', call, on: () => () => undefined } as unknown as ApiClient)
  app.use(createPinia())
  return { call, project: app.runWithContext(() => useProject()) }
}

describe('deleting a project from the projects screen', () => {
  it('keeps the open project open when the typed name is wrong', async () => {
    const { call, project } = projectStore()
    await project.open('/projects/mine')
    expect(await project.remove('/projects/mine', 'Mi')).toBe(false)
    expect(project.projectId).toBe('mine')
    const names = call.mock.calls.map(([name]) => name)
    expect(names).not.toContain('projects.close')
    expect(names).not.toContain('projects.openSample')
  })

  it('falls back to the sample project once the open project is deleted', async () => {
    const { project } = projectStore()
    await project.open('/projects/mine')
    expect(await project.remove('/projects/mine', 'Mine')).toBe(true)
    expect(project.projectId).toBe('sample')
  })
})
