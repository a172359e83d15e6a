import type { LstmBridge } from '../../../../electron/api/bridge'
import type { Transport } from '../transport'

/** The desktop window: the preload's `window.lstm` bridge over Electron IPC. */
export function ipcTransport(bridge: LstmBridge): Transport {
  return {
    kind: 'ipc',
    request: (name, args) => bridge.invoke(name, args),
    onEvent: (listener) => bridge.onEvent(listener),
  }
}
