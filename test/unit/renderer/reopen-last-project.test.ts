// @vitest-environment happy-dom
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { ApiError } from '../../../electron/api/errors'
import type { ApiClient } from '../../../renderer/src/api/client'
import { provideApi } from '../../../renderer/src/api/use-api'
import { useNotices } from '../../../renderer/src/stores/notices'
import { useProject } from '../../../renderer/src/stores/project'
import type { ReopenFailure } from '../../../renderer/src/stores/project'
import en from '../../../renderer/src/i18n/locales/en'

const SHOP = {
  path: '/home/ana/projects/shop',
  name: 'Shop',
  openedAt: '2026-11-30T09:00:00Z',
  missing: false,
}
const view = (projectId: string, path: string) => ({
  projectId,
  path,
  readOnly: false,
  lockedBy: null,
  manifest: {},
})

/** The English message with its placeholders filled, as App.vue's `t` does. */
const inEnglish = (failure: ReopenFailure) =>
  en.projects.reopenFailed.replace(/\{(\w+)\}/g, (_, key: keyof ReopenFailure) => failure[key])

/** The project store at start-up, on an API that answers `projects.open` with `open`. */
async function startUp(open: () => Promise<unknown>) {
  const calls: string[] = []
  const call = async (name: string) => {
    calls.push(name)
    if (name === 'projects.recent') return [SHOP]
    if (name === 'projects.open') return open()
    if (name === 'projects.openSample') return view('sample', '/home/ana/projects/sample')
    return undefined
  }
  const app = createApp({})
  provideApi(app, { transport: 'websocket', call, on: () => () => undefined } as unknown as ApiClient)
  app.use(createPinia())
  const project = app.runWithContext(() => useProject())
  const notices = app.runWithContext(() => useNotices())
  await project.startup(inEnglish)
  return { project, notices, calls }
}

describe('reopening the last project at start-up', () => {
  it('tells the user which project could not be reopened and why, then opens the sample', async () => {
    const { project, notices, calls } = await startUp(() =>
      Promise.reject(
        new ApiError({ code: 'INVALID_PROJECT', message: 'project.json is not a LSTM Studio manifest' }),
      ),
    )
    expect(calls).toContain('projects.openSample')
    expect(project.current?.projectId).toBe('sample')
    expect(notices.notices).toEqual([
      {
        id: 1,
        level: 'warning',
        message:
          'Could not reopen “Shop” (/home/ana/projects/shop): project.json is not a LSTM Studio manifest. The sample project is open instead.',
      },
    ])
  })

  it('reopens it without a word when it opens', async () => {
    const { project, notices, calls } = await startUp(async () => view('shop', SHOP.path))
    expect(project.current?.projectId).toBe('shop')
    expect(calls).not.toContain('projects.openSample')
    expect(notices.notices).toEqual([])
  })
})
