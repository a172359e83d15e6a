import { BrowserWindow, ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import type { Dispatcher } from '../api/dispatch'
import type { EventBus } from '../services/event-bus'
import { isTrustedSender } from './security/ipc-sender'

export const REQUEST_CHANNEL = 'lstm:request'
export const EVENT_CHANNEL = 'lstm:event'

/**
 * The Electron half of the API: one generic handler serves every request of the contract
 * (the dispatcher validates name and arguments), and every service event is forwarded to
 * every window. Calls from frames other than our own page are refused.
 */
export function registerIpcAdapter(
  dispatch: Dispatcher,
  bus: EventBus,
  isAppUrl: (url: string) => boolean,
): () => void {
  ipcMain.handle(REQUEST_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, isAppUrl)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'This frame may not call the LSTM Studio API' },
      }
    }
    return dispatch(name, args, { transport: 'ipc' })
  })
  const unsubscribe = bus.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    ipcMain.removeHandler(REQUEST_CHANNEL)
    unsubscribe()
  }
}
