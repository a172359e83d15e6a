import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServer } from '../../../electron/server'
import type { RunningServer } from '../../../electron/server'
import { websocketTransport } from '../../../renderer/src/api/transports/websocket'
import { createTestServices } from '../helpers/test-services'

// The browser build's transport against the real server: `ws` stands in for the browser's
// WebSocket (same onopen/onclose/onmessage interface), on loopback only.
const app = createTestServices('lstm-transport-')
let server: RunningServer
const browserSocket = globalThis.WebSocket

beforeAll(async () => {
  writeFileSync(path.join(app.root, 'index.html'), '<!doctype html>')
  server = await startServer({
    dispatch: app.dispatch,
    bus: app.services.bus,
    staticRoot: app.root,
    maxConnections: 1,
  })
  globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket
})

afterAll(async () => {
  globalThis.WebSocket = browserSocket
  await server.close()
  await app.dispose()
})

describe('the browser transport', () => {
  it('tells the user why the server closed the connection', async () => {
    const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`
    const first = websocketTransport(url)
    expect(await first.request('app.echo', { message: 'first tab' })).toMatchObject({ ok: true })
    const second = websocketTransport(url)
    expect(await second.request('app.echo', { message: 'one tab too many' })).toEqual({
      ok: false,
      error: {
        code: 'DISCONNECTED',
        message: expect.stringMatching(/connection to LSTM Studio was lost.*too many connections/),
      },
    })
  })
})
