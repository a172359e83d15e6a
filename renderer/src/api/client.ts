import type { EventName, EventPayload } from '../../../electron/api/contract'
import { ApiError } from '../../../electron/api/errors'
import type { AppRequestArgs, AppRequestName, AppRequestResult } from './app-requests'
import type { Transport } from './transport'
import { ipcTransport } from './transports/ipc'
import { apiSocketUrl, websocketTransport } from './transports/websocket'

/**
 * The one way the renderer talks to the main side, typed by the contract. A failed
 * request rejects with an ApiError carrying the contract's error code.
 */
export interface ApiClient {
  readonly transport: Transport['kind']
  call<N extends AppRequestName>(name: N, args: AppRequestArgs<N>): Promise<AppRequestResult<N>>
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(name, args) {
      const reply = await transport.request(name, args)
      if (!reply.ok) throw new ApiError(reply.error)
      return reply.result as never
    },
    on(name, listener) {
      return transport.onEvent((eventName, payload) => {
        if (eventName === name) listener(payload as never)
      })
    },
  }
}

/** Whichever transport exists: the preload's bridge in the desktop app, else the loopback socket. */
export function detectTransport(): Transport {
  return window.lstm ? ipcTransport(window.lstm) : websocketTransport(apiSocketUrl(window.location))
}
