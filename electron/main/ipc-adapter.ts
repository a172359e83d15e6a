import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { Dispatcher } from '../api/dispatch'
import type { Reply } from '../api/envelope'
import type { EventBus } from '../services/event-bus'
import { isTrustedSender } from './security/ipc-sender'

export const REQUEST_CHANNEL = 'lstm:request'
export const EVENT_CHANNEL = 'lstm:event'

/** A window as the adapter uses it: whether it is gone, and where its events go. */
export interface EventWindow {
  isDestroyed(): boolean
  webContents: Pick<WebContents, 'send'>
}

/** The parts of Electron the adapter needs, passed in (index.ts passes `ipcMain` and the windows). */
export interface IpcAdapterElectron {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  windows(): readonly EventWindow[]
}

/**
 * The Electron half of the API: one generic handler serves every request of the contract
 * (the dispatcher validates name and arguments), and every service event is forwarded to
 * every window. Calls from frames other than our own page are refused.
 */
export function registerIpcAdapter(
  electron: IpcAdapterElectron,
  dispatch: Dispatcher,
  bus: EventBus,
  isAppUrl: (url: string) => boolean,
): () => void {
  electron.ipcMain.handle(
    REQUEST_CHANNEL,
    (event: IpcMainInvokeEvent, name: unknown, args: unknown): Promise<Reply> | Reply => {
      if (!isTrustedSender(event.senderFrame, isAppUrl)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This frame may not call the LSTM Studio API' },
        }
      }
      return dispatch(name, args, { transport: 'ipc' })
    },
  )
  const unsubscribe = bus.subscribe((name, payload) => {
    for (const window of electron.windows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    electron.ipcMain.removeHandler(REQUEST_CHANNEL)
    unsubscribe()
  }
}
