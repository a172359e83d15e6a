import { afterAll, describe, expect, it } from 'vitest'
import type { NativeDialogs } from '../../electron/services'
import { createTestServices } from '../unit/helpers/test-services'

const asked: string[] = []
// The services' own seam for pickers; the desktop app passes Electron's dialogs through it.
const pickers: NativeDialogs = {
  pickCsvFile: async () => (asked.push('csv'), '/data/sales.csv'),
  pickProjectFolder: async () => (asked.push('folder'), null),
}
const { dispatch, dispose } = createTestServices('lstm-dialogs-', { dialogs: pickers })

afterAll(() => dispose())

describe('native pickers', () => {
  it('are offered to the desktop window and answer with a path, or null when cancelled', async () => {
    expect(await dispatch('app.info', {}, { transport: 'ipc' })).toMatchObject({
      result: { nativeDialogs: true },
    })
    expect(await dispatch('dialogs.pick', { kind: 'csvFile' }, { transport: 'ipc' })).toEqual({
      ok: true,
      result: { path: '/data/sales.csv' },
    })
    expect(await dispatch('dialogs.pick', { kind: 'projectFolder' }, { transport: 'ipc' })).toEqual({
      ok: true,
      result: { path: null },
    })
    expect(asked).toEqual(['csv', 'folder'])
  })

  it('are refused over the loopback server, where a page must not open dialogs on the desktop', async () => {
    expect(await dispatch('app.info', {}, { transport: 'websocket' })).toMatchObject({
      result: { nativeDialogs: false },
    })
    const reply = await dispatch('dialogs.pick', { kind: 'csvFile' }, { transport: 'websocket' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } })
    expect(asked).toHaveLength(2)
  })
})
