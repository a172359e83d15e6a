import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/api/dispatch'
import { createServices } from '../../electron/services'
import type { NativeDialogs } from '../../electron/services'
import { testWorkerFiles } from '../unit/helpers/test-workers'

const root = mkdtempSync(path.join(os.tmpdir(), 'lstm-dialogs-'))
const asked: string[] = []
// The services' own seam for pickers; the desktop app passes Electron's dialogs through it.
const pickers: NativeDialogs = {
  pickCsvFile: async () => (asked.push('csv'), '/data/sales.csv'),
  pickProjectFolder: async () => (asked.push('folder'), null),
}
const services = createServices({
  identity: { name: 'LSTM Studio', version: '0.0.0-test', electronVersion: '45.5.0' },
  samplesDir: path.resolve(__dirname, '../../resources/samples'),
  settingsDir: path.join(root, 'settings'),
  defaultProjectsFolder: path.join(root, 'projects'),
  workers: testWorkerFiles,
  dialogs: pickers,
})
const dispatch = createDispatcher(services.handlers)

afterAll(async () => {
  await services.dispose()
  rmSync(root, { recursive: true, force: true })
})

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
