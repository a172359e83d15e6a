import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, describe, expect, it } from 'vitest'
import { EVENT_CHANNEL, REQUEST_CHANNEL, registerIpcAdapter } from '../../../electron/main/ipc-adapter'
import type { EventWindow, IpcAdapterElectron } from '../../../electron/main/ipc-adapter'
import { createTestServices } from '../helpers/test-services'

/**
 * The Electron IPC adapter over the real services, with an `ipcMain` and windows built here
 * (the adapter takes them as parameters): the one request channel, the sender check, the
 * reply envelope, and events forwarded to every live window.
 */

const APP_URL = 'file:///app/out/renderer/index.html'
const isAppUrl = (url: string) => url === APP_URL
const app = createTestServices('lstm-ipc-adapter-')
afterAll(() => app.dispose())

type Handler = (event: IpcMainInvokeEvent, name: unknown, args: unknown) => unknown

function register(windows: EventWindow[] = []) {
  const handlers = new Map<string, Handler>()
  const electron: IpcAdapterElectron = {
    ipcMain: {
      handle: (channel, handler) => void handlers.set(channel, handler as Handler),
      removeHandler: (channel) => void handlers.delete(channel),
    },
    windows: () => windows,
  }
  const unregister = registerIpcAdapter(electron, app.dispatch, app.services.bus, isAppUrl)
  /** A call as the preload makes it, from a frame with this URL (and parent, for an iframe). */
  const invoke = (name: unknown, args: unknown, frame: { url: string; parent: object | null } | null) => {
    const event = { senderFrame: frame } as unknown as IpcMainInvokeEvent
    return handlers.get(REQUEST_CHANNEL)!(event, name, args)
  }
  return { handlers, invoke, unregister }
}

const ourFrame = { url: APP_URL, parent: null }

describe('the IPC adapter', () => {
  it('answers our own page in the envelope, with the ipc transport', async () => {
    const { invoke, unregister } = register()
    expect(await invoke('app.echo', { message: 'hello' }, ourFrame)).toMatchObject({
      ok: true,
      result: { message: 'hello' },
    })
    expect(await invoke('app.info', {}, ourFrame)).toMatchObject({ ok: true, result: { transport: 'ipc' } })
    unregister()
  })

  it('answers a malformed call with a typed error naming the problem', async () => {
    const { invoke, unregister } = register()
    expect(await invoke('app.echo', { message: 42 }, ourFrame)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENTS', field: 'message' },
    })
    expect(await invoke('fs.readFile', {}, ourFrame)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_REQUEST' },
    })
    unregister()
  })

  it('refuses an iframe, a foreign page and a frame that is gone', async () => {
    const { invoke, unregister } = register()
    const refused = {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This frame may not call the LSTM Studio API' },
    }
    expect(await invoke('app.echo', { message: 'x' }, { url: APP_URL, parent: {} })).toEqual(refused)
    expect(
      await invoke('app.echo', { message: 'x' }, { url: 'https://evil.example/', parent: null }),
    ).toEqual(refused)
    expect(await invoke('app.echo', { message: 'x' }, null)).toEqual(refused)
    unregister()
  })

  it('forwards every service event to every window still open, and stops when unregistered', () => {
    const sent: { window: string; args: unknown[] }[] = []
    const window = (name: string, destroyed: boolean): EventWindow => ({
      isDestroyed: () => destroyed,
      webContents: { send: (...args: unknown[]) => void sent.push({ window: name, args }) },
    })
    const listenersBefore = app.services.bus.listenerCount
    const { handlers, unregister } = register([
      window('main', false),
      window('closed', true),
      window('second', false),
    ])
    app.services.bus.publish('app.notice', { level: 'info', message: 'saved' })
    const event = [EVENT_CHANNEL, 'app.notice', { level: 'info', message: 'saved' }]
    expect(sent).toEqual([
      { window: 'main', args: event },
      { window: 'second', args: event },
    ])

    unregister()
    expect(handlers.has(REQUEST_CHANNEL)).toBe(false)
    expect(app.services.bus.listenerCount).toBe(listenersBefore)
    app.services.bus.publish('app.notice', { level: 'info', message: 'after' })
    expect(sent).toHaveLength(2)
  })
})
