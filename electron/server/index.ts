import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type { Dispatcher } from '../api/dispatch'
import type { EventBus } from '../services/event-bus'
import { allowedHostsFor, checkUpgrade, createToken } from './auth'
import {
  CLOSE_TRY_AGAIN_LATER,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  HTTP_CONNECTION_HEADROOM,
} from './limits'
import { createStaticHandler } from './static-files'
import { attachApiSocket } from './websocket-adapter'

export interface ServerOptions {
  dispatch: Dispatcher
  bus: EventBus
  /** Folder of the built renderer (out/renderer). */
  staticRoot: string
  /** 0 picks a free port. */
  port?: number
  /** Loopback unless the user explicitly asks otherwise; the token is required either way. */
  host?: string
  token?: string
  /** Largest accepted WebSocket frame; bigger frames close the connection (code 1009). */
  maxFrameBytes?: number
  /** WebSocket connections at once; one more is closed with 1013 and a reason. */
  maxConnections?: number
  /** Unread bytes per client before it is dropped with 1008 (it stopped reading). */
  maxBufferedBytes?: number
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const API_PATH = '/api'

/**
 * The browser adapter: serves the built renderer and carries the same API as the desktop
 * window over one WebSocket per tab at `/api?token=…`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? createToken()
  let port = options.port ?? 0
  const serveStatic = createStaticHandler(options.staticRoot, () => port)
  const http = createServer((request, response) => {
    serveStatic(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS
  const limits = { maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES }
  // Raw TCP connections are capped too (Node drops the extra ones), so a connection flood
  // that never upgrades cannot exhaust the process either.
  http.maxConnections = maxConnections + HTTP_CONNECTION_HEADROOM
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 8 * 1024 * 1024,
  })
  http.on('upgrade', (request, socket, head) => {
    const refusal =
      new URL(request.url ?? '/', 'http://localhost').pathname === API_PATH
        ? checkUpgrade(request, token, allowedHostsFor(host, port))
        : { status: 404 as const, reason: 'no such endpoint' }
    if (refusal !== null) {
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\n\r\n`)
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // The new socket is already counted in `clients`.
      if (sockets.clients.size > maxConnections) {
        ws.close(CLOSE_TRY_AGAIN_LATER, `too many connections: at most ${maxConnections} at once`)
        return
      }
      attachApiSocket(ws, options.dispatch, options.bus, limits)
    })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, host, () => resolve())
  })
  port = (http.address() as AddressInfo).port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}
