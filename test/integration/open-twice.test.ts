import { afterAll, describe, expect, it } from 'vitest'
import type { ProjectView } from '../../electron/api/requests/projects'
import { createTestServices } from '../unit/helpers/test-services'

const { dispatch, dispose } = createTestServices('lstm-open-twice-')

afterAll(() => dispose())

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
