import type { Reply, ServerMessage } from '../../../../electron/api/envelope'
import type { Transport } from '../transport'

type Pending = (reply: Reply) => void

/**
 * The browser build: one WebSocket to the loopback server, requests matched to replies
 * by id. The token comes from the URL the server printed. If the socket drops, pending
 * calls fail with a clear message and the next call reconnects.
 */
export function websocketTransport(url: string): Transport {
  const pending = new Map<number, Pending>()
  const listeners = new Set<(name: string, payload: unknown) => void>()
  let nextId = 1
  let socket: Promise<WebSocket> | null = null

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.onopen = () => resolve(ws)
      ws.onerror = () => reject(new Error('Could not reach the LSTM Studio server'))
      ws.onclose = (event) => {
        socket = null
        // The server says why it closed (too many tabs, a tab that stopped reading).
        const why = event.reason ? `: ${event.reason}` : ''
        const message = `The connection to LSTM Studio was lost${why}`
        for (const settle of pending.values()) settle({ ok: false, error: { code: 'DISCONNECTED', message } })
        pending.clear()
      }
      ws.onmessage = (event) => dispatchMessage(JSON.parse(String(event.data)) as ServerMessage)
    })
    return socket
  }

  const dispatchMessage = (message: ServerMessage) => {
    if (message.type === 'event') {
      for (const listener of listeners) listener(message.name, message.payload)
      return
    }
    const settle = pending.get(message.id)
    pending.delete(message.id)
    settle?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error })
  }

  return {
    kind: 'websocket',
    async request(name, args) {
      const ws = await connect()
      const id = nextId++
      const reply = new Promise<Reply>((resolve) => pending.set(id, resolve))
      ws.send(JSON.stringify({ type: 'request', id, name, args }))
      return reply
    },
    onEvent(listener) {
      listeners.add(listener)
      void connect().catch(() => undefined)
      return () => void listeners.delete(listener)
    },
  }
}

/** ws://host/api?token=… for the page the server served. */
export function apiSocketUrl(location: Location): string {
  const token = new URLSearchParams(location.search).get('token') ?? ''
  return `ws://${location.host}/api?token=${encodeURIComponent(token)}`
}
