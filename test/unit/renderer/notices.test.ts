import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { NOTICE_LIFETIME, useNotices } from '../../../renderer/src/stores/notices'
import { useProject } from '../../../renderer/src/stores/project'

function stores() {
  const call = async (name: string, args?: { path?: string }) => {
    if (name === 'projects.open')
      return { projectId: args!.path, path: args!.path, readOnly: false, lockedBy: null, manifest: {} }
    if (name === 'projects.recent') return []
    return undefined
  }
  const app = createApp({})
  provideApi(app, { transport: 'websocket', call, on: () => () => undefined } as unknown as ApiClient)
  app.use(createPinia())
  return { notices: app.runWithContext(() => useNotices()), project: app.runWithContext(() => useProject()) }
}

afterEach(() => vi.useRealTimers())

describe('notices', () => {
  it('go by themselves once read, except errors, which wait for the user', () => {
    vi.useFakeTimers()
    const { notices } = stores()
    notices.report('info', 'Saved')
    notices.report('warning', 'Three rows skipped')
    notices.report('error', 'The file is gone')
    vi.advanceTimersByTime(NOTICE_LIFETIME.info!)
    expect(notices.notices.map((n) => n.message)).toEqual(['Three rows skipped', 'The file is gone'])
    vi.advanceTimersByTime(NOTICE_LIFETIME.warning!)
    expect(notices.notices.map((n) => n.message)).toEqual(['The file is gone'])
  })

  it('do not survive a switch to another project', async () => {
    const { notices, project } = stores()
    await project.open('/projects/a')
    notices.report('error', 'Something about project a')
    await project.open('/projects/b')
    expect(notices.notices).toEqual([])
  })
})
