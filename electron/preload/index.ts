import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { LstmBridge } from '../api/bridge'

// Channel names are repeated here rather than imported: the sandboxed preload is bundled
// on its own and must stay tiny.
const REQUEST_CHANNEL = 'lstm:request'
const EVENT_CHANNEL = 'lstm:event'

const bridge: LstmBridge = {
  invoke: (name, args) => ipcRenderer.invoke(REQUEST_CHANNEL, name, args),
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  },
}

contextBridge.exposeInMainWorld('lstm', bridge)
